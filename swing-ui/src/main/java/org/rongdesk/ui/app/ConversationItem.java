package org.rongdesk.ui.app;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A row of the conversation list. Its latest message is kept as the store gave it and said in
 * words only when the row is painted or read ({@link #latestSummary}): a page of rows costs no
 * summaries, and a plugin's summary is never asked for a row nobody sees.
 *
 * @param type             conversation type (PRIVATE, GROUP …)
 * @param targetId         target id
 * @param title            its title
 * @param unread           unread messages
 * @param pinned           pinned to the top
 * @param muted            do not disturb
 * @param draft            unsent text, "" when none
 * @param latestObjectName the latest message's type, "" when none
 * @param latestContent    the latest message's content, null when none
 * @param latestTime       when the latest message was sent (ms), 0 when none
 * @param loading          a placeholder: the row is being read (only its type and id are known)
 */
public record ConversationItem(String type, String targetId, String title, int unread, boolean pinned, boolean muted,
        String draft, String latestObjectName, JsonObject latestContent, long latestTime, boolean loading) {

    /** Reads one entry of getConversationList. */
    public static ConversationItem from(JsonObject json) {
        JsonElement latest = json.get("latestMessage");
        boolean none = latest == null || !latest.isJsonObject();
        return new ConversationItem(json.get("conversationType").getAsString(), json.get("targetId").getAsString(),
                json.get("conversationTitle").getAsString(), json.get("unreadMessageCount").getAsInt(),
                json.get("isTop").getAsBoolean(), "DO_NOT_DISTURB".equals(json.get("notificationStatus").getAsString()),
                json.get("draft").getAsString(), none ? "" : json.get("objectName").getAsString(),
                none ? null : latest.getAsJsonObject(), json.get("sentTime").getAsLong(), false);
    }

    /** The placeholder shown for {@code type}/{@code targetId} while its row is read. */
    public static ConversationItem loading(String type, String targetId, String title) {
        return new ConversationItem(type, targetId, title, 0, false, false, "", "", null, 0, true);
    }

    /** The latest message in one line ({@code summaries} say it), "" when there is none. */
    public String latestSummary(Summaries summaries) {
        return latestContent == null ? "" : summaries.summary(latestObjectName, latestContent);
    }

    /** Whether this row is the conversation {@code type}/{@code targetId}. */
    public boolean is(String otherType, String otherTarget) {
        return type.equals(otherType) && targetId.equals(otherTarget);
    }
}
