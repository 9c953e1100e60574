package org.rongdesk.connection;

import org.jivesoftware.smack.XMPPConnection;

/** What the features that talk to the server know about the connection, and what they tell it. */
public interface ServerLink {
    /** Whether a sign-in is under way or asked for: requests wait for it rather than fail at once. */
    boolean isConnecting();

    /**
     * A request to the server itself (a ping) on {@code connection} got no answer within the
     * timeout, though the socket is open: the server may have stalled, or be busy. When nothing
     * at all comes from it for one more timeout, the connection is dropped and made again; news
     * about an old connection is ignored.
     */
    void unanswered(XMPPConnection connection);
}
