package org.rongdesk.message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jxmpp.jid.BareJid;

/**
 * The history a chat room sends when entered (its last messages, delayed): collected until the
 * room's subject, which ends it, then stored and delivered as one batch with {@code left}
 * counting down. Receive thread only.
 */
final class RoomHistories {
    private final Arrivals arrivals;
    private final Map<BareJid, History> histories = new HashMap<>();

    private record History(List<ParsedMessage> messages, CompletableFuture<Void> done) {
    }

    RoomHistories(Arrivals arrivals) {
        this.arrivals = arrivals;
    }

    /** A history is expected from {@code room}; {@code done} completes when it has been delivered. */
    void expect(BareJid room, CompletableFuture<Void> done) {
        histories.put(room, new History(new ArrayList<>(), done));
    }

    /** Whether {@code room}'s history is still being collected. */
    boolean collecting(BareJid room) {
        return histories.containsKey(room);
    }

    /** Adds a message of {@code room}'s history (see {@link #collecting}). */
    void add(BareJid room, ParsedMessage message) {
        histories.get(room).messages().add(message);
    }

    /** Stores and delivers what {@code room} sent of its history, if it was collecting. */
    void end(BareJid room) {
        History history = histories.remove(room);
        if (history != null) {
            arrivals.storeAndDeliver(history.messages(), Map.of());
            history.done().complete(null);
        }
    }
}
