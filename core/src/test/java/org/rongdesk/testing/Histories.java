package org.rongdesk.testing;

import static org.rongdesk.testing.Sends.params;
import static org.rongdesk.testing.Sends.result;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;

import org.rongdesk.api.RongCloud;

/** A whole conversation read back through the facade, page by page, as a user scrolling to its start would. */
public final class Histories {
    private static final int PAGE = 500;

    private Histories() {
    }

    /** Every stored message of the conversation, newest first. */
    public static List<JsonObject> all(RongCloud client, String type, String target) {
        List<JsonObject> messages = new ArrayList<>();
        JsonArray page = result(client::getLatestMessages, params(type, target, "count", PAGE)).getAsJsonArray();
        while (!page.isEmpty()) {
            for (JsonElement message : page) {
                messages.add(message.getAsJsonObject());
            }
            long oldest = messages.get(messages.size() - 1).get("messageId").getAsLong();
            page = result(client::getHistoryMessages, params(type, target, "oldestMessageId", oldest, "count", PAGE))
                    .getAsJsonArray();
        }
        return messages;
    }

    /** The texts of every stored message of the conversation (content.text), newest first. */
    public static List<String> texts(RongCloud client, String type, String target) {
        return all(client, type, target).stream()
                .map(message -> message.getAsJsonObject("content").get("text").getAsString())
                .toList();
    }
}
