package org.rongdesk.ui.app;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A row of the conversation list.
 *
 * @param type          conversation type (PRIVATE, GROUP …)
 * @param targetId      target id
 * @param title         its title
 * @param unread        unread messages
 * @param pinned        pinned to the top
 * @param muted         do not disturb
 * @param draft         unsent text, "" when none
 * @param latestSummary the latest message in one line, "" when none
 * @param latestTime    when the latest message was sent (ms), 0 when none
 */
public record ConversationItem(String type, String targetId, String title, int unread, boolean pinned, boolean muted,
        String draft, String latestSummary, long latestTime) {

    /** Reads one entry of getConversationList; {@code summarize} says a content in one line. */
    public static ConversationItem from(JsonObject json, Summaries summaries) {
        JsonElement latest = json.get("latestMessage");
        String summary = latest == null || latest.isJsonNull() ? ""
                : summaries.summary(json.get("objectName").getAsString(), latest.getAsJsonObject());
        return new ConversationItem(json.get("conversationType").getAsString(), json.get("targetId").getAsString(),
                json.get("conversationTitle").getAsString(), json.get("unreadMessageCount").getAsInt(),
                json.get("isTop").getAsBoolean(), "DO_NOT_DISTURB".equals(json.get("notificationStatus").getAsString()),
                json.get("draft").getAsString(), summary, json.get("sentTime").getAsLong());
    }

    /** Whether this row is the conversation {@code type}/{@code targetId}. */
    public boolean is(String otherType, String otherTarget) {
        return type.equals(otherType) && targetId.equals(otherTarget);
    }
}
