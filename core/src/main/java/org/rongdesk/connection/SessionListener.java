package org.rongdesk.connection;

import java.util.concurrent.CompletableFuture;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/**
 * What the features of a signed-in user need to know about the connection. Called on the
 * connection thread; must not block.
 */
public interface SessionListener {
    /**
     * A connection object was made (one per sign-in attempt, so no state of Smack's outlives a
     * stream): add stanza listeners to it.
     */
    default void connectionCreated(XMPPTCPConnection connection) {
    }

    /**
     * Signed in, presence not yet sent: the server holds new messages back until it is. The
     * listener runs {@code goOnline} when it is ready for them (at the latest, it runs when the
     * returned future completes, or after {@link ConnectionManager#CATCH_UP_LIMIT}).
     */
    default CompletableFuture<Void> signedIn(XMPPTCPConnection connection, Runnable goOnline) {
        return CompletableFuture.completedFuture(null);
    }
}
