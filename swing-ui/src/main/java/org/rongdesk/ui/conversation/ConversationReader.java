package org.rongdesk.ui.conversation;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.swing.SwingUtilities;

import org.rongdesk.api.Callback;
import org.rongdesk.ui.app.Client;
import org.rongdesk.ui.app.ConversationItem;
import org.rongdesk.ui.app.Edt;
import org.rongdesk.ui.app.Json;

/**
 * Reads the conversation list from the store for the list's model: its order (every listed
 * conversation, in pages read and taken apart on the client's callback thread, never on the
 * EDT), a page of rows, or one conversation's row. Answers arrive on the EDT.
 */
final class ConversationReader {
    /** Conversations read at a time for the order: a long list's JSON is never all in memory at once. */
    private static final int ORDER_PAGE = 500;

    private final Client client;
    private int orderReads;

    ConversationReader(Client client) {
        this.client = client;
    }

    /** Reads {@code count} rows from {@code offset}; {@code then} gets them on the EDT. */
    void rows(int offset, int count, Consumer<List<ConversationItem>> then) {
        client.call((rong, params, callback) -> rong.getConversationListRange(offset, count, callback), null, ret -> {
            List<ConversationItem> rows = new ArrayList<>();
            JsonElement result = ret.get("result");
            if (result != null && result.isJsonArray()) {
                result.getAsJsonArray().forEach(e -> rows.add(ConversationItem.from(e.getAsJsonObject())));
            }
            then.accept(rows);
        });
    }

    /** Reads {@code type}/{@code targetId}'s row; {@code then} gets it (empty when the store does not have it) on the EDT. */
    void row(String type, String targetId, Consumer<Optional<ConversationItem>> then) {
        client.call((rong, params, callback) -> rong.getConversation(params, callback), Json.conversation(type, targetId), ret -> {
            JsonElement result = ret.get("result");
            then.accept(result != null && result.isJsonObject() ? Optional.of(ConversationItem.from(result.getAsJsonObject()))
                    : Optional.empty());
        }, failure -> then.accept(Optional.empty()));
    }

    /**
     * Reads every listed conversation's place; {@code then} gets them in order on the EDT. A
     * conversation that moved up while later pages were read may be met twice: it is kept where
     * it was met first (the caller replays the arrivals that came meanwhile). When the store
     * fails, the failure is reported and {@code then} gets null.
     */
    void order(Consumer<List<ListedConversation>> then) {
        orderReads++;
        orderFrom(0, new LinkedHashMap<>(), then);
    }

    /** How many times the whole order was read (a test checks that an arrival reads none). */
    int orderReads() {
        return orderReads;
    }

    private void orderFrom(int offset, Map<String, ListedConversation> read, Consumer<List<ListedConversation>> then) {
        Callback onCallbackThread = (ret, err) -> {
            if (err != null) {
                SwingUtilities.invokeLater(() -> {
                    client.reportError(Edt.describe(err));
                    then.accept(null);
                });
                return;
            }
            JsonElement result = ret.get("result");
            int count = 0;
            if (result != null && result.isJsonArray()) {
                for (JsonElement e : result.getAsJsonArray()) {
                    ListedConversation entry = ListedConversation.from((JsonObject) e);
                    read.putIfAbsent(entry.type() + '\u0000' + entry.targetId(), entry);
                    count++;
                }
            }
            if (count < ORDER_PAGE) {
                List<ListedConversation> order = List.copyOf(read.values());
                SwingUtilities.invokeLater(() -> then.accept(order));
            } else {
                orderFrom(offset + count, read, then);
            }
        };
        client.rong().getConversationListRange(offset, ORDER_PAGE, onCallbackThread);
    }
}
