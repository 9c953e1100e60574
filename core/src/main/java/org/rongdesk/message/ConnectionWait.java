package org.rongdesk.message;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.rongdesk.base.ErrorCode;
import org.rongdesk.base.RongException;
import org.rongdesk.connection.ServerLink;

/**
 * The signed-in connection a send (or a profile or contact change) needs. While the client is (re)connecting it waits, but only
 * until one timeout after the first send began to wait, so a queue of sends during an outage
 * fails within one timeout rather than one timeout each.
 */
public final class ConnectionWait {
    private static final long NOT_WAITING = Long.MIN_VALUE;
    private final Supplier<XMPPTCPConnection> connection;
    private final ServerLink link;
    private final Duration timeout;
    /** When sends began to wait for a connection (nanoTime), or {@link #NOT_WAITING}. */
    private final AtomicLong waitingSince = new AtomicLong(NOT_WAITING);

    public ConnectionWait(Supplier<XMPPTCPConnection> connection, ServerLink link, Duration timeout) {
        this.connection = connection;
        this.link = link;
        this.timeout = timeout;
    }

    /** The connection now, signed in or not, or null; never waits. */
    XMPPTCPConnection current() {
        return connection.get();
    }

    /** The signed-in connection, or -2 when there is none (blocks while one is being made). */
    XMPPTCPConnection signedIn() throws RongException {
        return signedIn("not connected to the server; the message is kept as FAILED and can be sent again");
    }

    /** The signed-in connection, or -2 saying {@code refusal} when there is none (blocks while one is being made). */
    public XMPPTCPConnection signedIn(String refusal) throws RongException {
        while (true) {
            XMPPTCPConnection current = connection.get();
            if (current != null && current.isAuthenticated()) {
                waitingSince.set(NOT_WAITING);
                return current;
            }
            long now = System.nanoTime();
            waitingSince.compareAndSet(NOT_WAITING, now);
            if (!link.isConnecting() || now - waitingSince.get() > timeout.toNanos()) {
                throw new RongException(ErrorCode.SEND_FAILED, refusal);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RongException(ErrorCode.SEND_FAILED, refusal);
            }
        }
    }

    static RongException notConnected() {
        return new RongException(ErrorCode.SEND_FAILED,
                "not connected to the server; the message is kept as FAILED and can be sent again");
    }
}
