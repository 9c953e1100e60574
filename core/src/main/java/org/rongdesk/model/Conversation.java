package org.rongdesk.model;

import java.util.Optional;

/**
 * One entry of the conversation list, as the local store has it.
 *
 * @param key          which conversation
 * @param title        its title (the target id until names are known)
 * @param top          pinned
 * @param notification muted or not
 * @param draft        the unsent text, "" when none
 * @param unread       unread messages
 * @param latest       the latest message, if any is left
 */
public record Conversation(ConversationKey key, String title, boolean top, NotificationStatus notification, String draft,
        int unread, Optional<StoredMessage> latest) {
}
