package org.rongdesk.message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.rongdesk.connection.ServerLink;

/**
 * Learns that the server has taken messages without XEP-0198 (whose acks hung Smack 4.4.8 under
 * load): after messages are sent, a ping goes to the server; the server handles a client's
 * stanzas in order, so its pong means every message sent before the ping has been processed. One
 * ping covers all messages sent while the previous one was out, so a burst costs a few pings.
 * No pong within the timeout fails the batch and tells the link the server has stalled (a pong
 * never waits behind anything but our own stanzas).
 */
final class SendConfirmer {
    private final Duration timeout;
    private final ServerLink link;
    private final Object lock = new Object();
    private List<CompletableFuture<Void>> waiting = new ArrayList<>();
    private boolean pingOut;

    SendConfirmer(Duration timeout, ServerLink link) {
        this.timeout = timeout;
        this.link = link;
    }

    /** Call right after sending a message on {@code connection}; completes when the server has it. */
    CompletableFuture<Void> sent(XMPPConnection connection) {
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        synchronized (lock) {
            waiting.add(confirmed);
            if (!pingOut) {
                ping(connection);
            }
        }
        return confirmed;
    }

    private void ping(XMPPConnection connection) {
        List<CompletableFuture<Void>> batch = waiting;
        waiting = new ArrayList<>();
        pingOut = true;
        try {
            connection.sendIqRequestAsync(new Ping(connection, connection.getXMPPServiceDomain()), timeout.toMillis())
                    .onSuccess(pong -> answered(connection, batch, null))
                    .onError(error -> answered(connection, batch, error));
        } catch (RuntimeException e) {
            answered(connection, batch, e);
        }
    }

    private void answered(XMPPConnection connection, List<CompletableFuture<Void>> batch, Exception error) {
        if (error instanceof SmackException.NoResponseException) {
            link.unanswered(connection);
        }
        for (CompletableFuture<Void> confirmed : batch) {
            if (error == null) {
                confirmed.complete(null);
            } else {
                confirmed.completeExceptionally(error);
            }
        }
        synchronized (lock) {
            pingOut = false;
            if (!waiting.isEmpty()) {
                ping(connection);
            }
        }
    }
}
