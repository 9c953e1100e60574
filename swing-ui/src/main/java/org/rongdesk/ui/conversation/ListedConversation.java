package org.rongdesk.ui.conversation;

import com.google.gson.JsonObject;

import java.util.Comparator;
import java.util.List;

import org.rongdesk.ui.app.ConversationItem;

/**
 * Where a conversation is in the list and what the window must know of it without its row: a
 * few fields a conversation, kept for every listed conversation (10,000 of them are a few hundred
 * kilobytes), while full rows are read only for the part of the list that is shown.
 *
 * @param type     conversation type
 * @param targetId target id
 * @param title    its title
 * @param pinned   pinned to the top
 * @param muted    do not disturb (an arrival is not announced)
 * @param sortTime its place among the unpinned or the pinned: its latest message's time
 */
public record ListedConversation(String type, String targetId, String title, boolean pinned, boolean muted, long sortTime) {
    /** The spec's types in the order of their codes, which the store sorts by after the time. */
    private static final List<String> TYPES = List.of("PRIVATE", "DISCUSSION", "GROUP", "CHATROOM", "CUSTOMER_SERVICE", "SYSTEM");

    /**
     * The store's order: pinned first, then newest first, then type and id. The store sorts by a
     * time it does not show, which is the latest message's time but for conversations without
     * messages: such a conversation may sit a row off until the list is read again.
     */
    public static final Comparator<ListedConversation> ORDER = Comparator.comparing(ListedConversation::pinned).reversed()
            .thenComparing(Comparator.comparingLong(ListedConversation::sortTime).reversed())
            .thenComparingInt(ListedConversation::typeCode)
            .thenComparing(ListedConversation::targetId);

    /** Reads one entry of getConversationList (its latest message is not looked at). */
    public static ListedConversation from(JsonObject json) {
        return new ListedConversation(json.get("conversationType").getAsString(), json.get("targetId").getAsString(),
                json.get("conversationTitle").getAsString(), json.get("isTop").getAsBoolean(),
                "DO_NOT_DISTURB".equals(json.get("notificationStatus").getAsString()), json.get("sentTime").getAsLong());
    }

    /** What {@code row} says of its place. */
    public static ListedConversation of(ConversationItem row) {
        return new ListedConversation(row.type(), row.targetId(), row.title(), row.pinned(), row.muted(), row.latestTime());
    }

    /** Whether this is the conversation {@code otherType}/{@code otherTarget}. */
    public boolean is(String otherType, String otherTarget) {
        return type.equals(otherType) && targetId.equals(otherTarget);
    }

    /** The same conversation as {@code other}. */
    public boolean same(ListedConversation other) {
        return is(other.type, other.targetId);
    }

    private int typeCode() {
        int code = TYPES.indexOf(type);
        return code < 0 ? Integer.MAX_VALUE : code;
    }
}
