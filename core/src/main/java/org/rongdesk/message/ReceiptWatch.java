package org.rongdesk.message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jivesoftware.smack.XMPPConnection;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/**
 * Private messages sent but not yet acknowledged by the addressee's client (XEP-0184 receipt).
 * The server's answer to the sender does not make a message safe: ejabberd archives it for the
 * addressee in the addressee's own session, after the sender's ping was answered, and a server
 * killed in between loses it although the sender saw SENT. Unacknowledged messages are sent
 * again (same origin id, so receivers store them once) after the next sign-in. On a cluster the
 * sender's node can live on while the addressee's node dies: the sender never signs in again, so
 * a message still unacknowledged {@link #LATE} after it went out on the current connection is
 * sent again once then. An addressee who is offline gets messages from offline storage, which
 * the server writes before it answers (a late copy lands there too, and is stored once); so a
 * message is watched only for {@link #WINDOW}.
 */
final class ReceiptWatch {
    /** How long a message waits for its receipt before it counts as safe anyway. */
    static final Duration WINDOW = Duration.ofMinutes(2);
    /** How long a message waits for its receipt on the connection it went out on before it is sent again. */
    static final Duration LATE = Duration.ofSeconds(30);

    /**
     * A watched message: its id in the store, its addressee, when (nanoTime) and on which
     * connection it was sent, and whether it was sent again for being late.
     */
    record Watched(String originId, long messageId, BareJid to, long sentAt, XMPPConnection via, boolean late) {
    }

    private final Map<String, Watched> watched = new ConcurrentHashMap<>();

    /** Message {@code messageId} went out to {@code to} on {@code via} as stanza {@code originId}. */
    void sent(String originId, long messageId, BareJid to, XMPPConnection via) {
        watched.put(originId, new Watched(originId, messageId, to, System.nanoTime(), via, false));
    }

    /** A receipt for {@code originId} came from {@code from}; only the addressee's own counts. */
    void receipt(Jid from, String originId) {
        watched.computeIfPresent(originId, (id, message) -> from != null && from.asBareJid().equals(message.to()) ? null : message);
    }

    /**
     * Messages sent on an earlier connection than {@code current} and still waiting for their
     * receipt, oldest first; those past the window are let go.
     */
    List<Watched> unacknowledged(XMPPConnection current) {
        long now = System.nanoTime();
        watched.values().removeIf(message -> now - message.sentAt() > WINDOW.toNanos());
        List<Watched> due = new ArrayList<>(watched.values());
        due.removeIf(message -> message.via() == current);
        due.sort(Comparator.comparingLong(Watched::sentAt));
        return due;
    }

    /**
     * Messages sent on {@code current} more than {@link #LATE} ago and still waiting for their
     * receipt, oldest first, each only once: they are marked as sent again.
     */
    List<Watched> late(XMPPConnection current) {
        long now = System.nanoTime();
        List<Watched> due = new ArrayList<>();
        for (Watched message : watched.values()) {
            if (message.via() == current && !message.late() && now - message.sentAt() > LATE.toNanos()
                    && now - message.sentAt() <= WINDOW.toNanos()
                    && watched.replace(message.originId(), message, new Watched(message.originId(), message.messageId(),
                            message.to(), message.sentAt(), message.via(), true))) {
                due.add(message);
            }
        }
        due.sort(Comparator.comparingLong(Watched::sentAt));
        return due;
    }

    /** Stops watching a message (sent again in vain, deleted, failed). */
    void forget(String originId) {
        watched.remove(originId);
    }
}
