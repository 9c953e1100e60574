package org.rongdesk.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.List;

import org.rongdesk.api.RongCloud;

/**
 * Reads back what each client of a load run stored, through the public API: its conversation
 * list, then every conversation newest first ({@code getLatestMessages}, then
 * {@code getHistoryMessages} page by page), each message going to the {@link LoadLedger}. Also
 * compares each client's total unread count with the messages it received and kept.
 */
final class LoadStoreAudit {
    private static final int PAGE = 1000;

    private final LoadLedger ledger;
    private int unreadMismatches;
    private int unsettled;
    private long messagesRead;

    LoadStoreAudit(LoadLedger ledger) {
        this.ledger = ledger;
    }

    /** Reads every client's store. */
    void run(List<RongCloud> clients) throws Exception {
        for (int client = 0; client < clients.size(); client++) {
            read(client, clients.get(client));
        }
    }

    private static long totalUnread(RongCloud client) throws Exception {
        return ApiCalls.call(client::getTotalUnreadCount).get("result").getAsLong();
    }

    /** Clients whose total unread count is not the number of messages they received and kept. */
    int unreadMismatches() {
        return unreadMismatches;
    }

    /** Clients that were still receiving while their store was read. */
    int unsettled() {
        return unsettled;
    }

    /** Messages read from all stores. */
    long messagesRead() {
        return messagesRead;
    }

    private void read(int index, RongCloud client) throws Exception {
        long receivedHere = 0;
        long unreadBefore = totalUnread(client);
        JsonArray conversations = ApiCalls.call(client::getConversationList).getAsJsonArray("result");
        for (JsonElement element : conversations) {
            JsonObject conversation = element.getAsJsonObject();
            JsonObject params = new JsonObject();
            params.add("conversationType", conversation.get("conversationType"));
            params.add("targetId", conversation.get("targetId"));
            params.addProperty("count", PAGE);
            JsonArray page = ApiCalls.call(callback -> client.getLatestMessages(params, callback)).getAsJsonArray("result");
            while (!page.isEmpty()) {
                for (JsonElement message : page) {
                    ledger.stored(index, message.getAsJsonObject());
                    receivedHere += "RECEIVE".equals(message.getAsJsonObject().get("messageDirection").getAsString()) ? 1 : 0;
                }
                messagesRead += page.size();
                params.add("oldestMessageId", page.get(page.size() - 1).getAsJsonObject().get("messageId"));
                page = ApiCalls.call(callback -> client.getHistoryMessages(params, callback)).getAsJsonArray("result");
            }
        }
        long unread = totalUnread(client);
        if (unread != unreadBefore) {
            // still receiving: what was read is not one state of the store
            Log.info("client " + (index + 1) + " received messages while its store was read (unread "
                    + unreadBefore + " → " + unread + "); the unread count is not compared");
            unsettled++;
        } else if (unread != receivedHere) {
            unreadMismatches++;
            Log.info("client " + (index + 1) + ": total unread " + unread + ", messages received and kept " + receivedHere);
        }
    }
}
