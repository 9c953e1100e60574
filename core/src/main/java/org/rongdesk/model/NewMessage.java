package org.rongdesk.model;

import com.google.gson.JsonObject;

/**
 * A message about to be stored.
 *
 * @param conversation   the conversation it belongs to
 * @param direction      sent or received
 * @param senderUserId   who sent it
 * @param objectName     its content type
 * @param content        its content JSON
 * @param sentStatus     its send state
 * @param sentTime       ms since 1970
 * @param receivedTime   ms since 1970, 0 for sent messages
 * @param uid            what makes it unique across delivery paths (null when nothing does)
 * @param counted        whether it counts as unread until read
 */
public record NewMessage(ConversationKey conversation, MessageDirection direction, String senderUserId,
        String objectName, JsonObject content, SentStatus sentStatus, long sentTime, long receivedTime, String uid,
        boolean counted) {
}
