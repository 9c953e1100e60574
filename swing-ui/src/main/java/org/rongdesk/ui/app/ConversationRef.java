package org.rongdesk.ui.app;

/**
 * A conversation the window shows.
 *
 * @param type     conversation type (PRIVATE, DISCUSSION, GROUP, CHATROOM, …)
 * @param targetId its target id
 * @param title    its name as shown ("" when it has none: the target id is shown)
 */
public record ConversationRef(String type, String targetId, String title) {
    /** The name to show: the title, else the target id. */
    public String name() {
        return title.isBlank() ? targetId : title;
    }

    /** Whether {@code message} belongs to this conversation. */
    public boolean has(MessageItem message) {
        return type.equals(message.type()) && targetId.equals(message.targetId());
    }

    /** The same conversation as the list row {@code item}. */
    public boolean is(ConversationItem item) {
        return item.is(type, targetId);
    }

    public static ConversationRef of(ConversationItem item) {
        return new ConversationRef(item.type(), item.targetId(), item.title());
    }
}
