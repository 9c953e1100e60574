package org.rongdesk.ui.app;

import com.google.gson.JsonObject;

/**
 * A message as the history shows it.
 *
 * @param id             local message id
 * @param type           conversation type
 * @param targetId       conversation target
 * @param sent           true when this user sent it
 * @param senderUserId   who sent it (server-verified)
 * @param objectName     content type
 * @param content        content JSON
 * @param sentStatus     SENDING, SENT or FAILED
 * @param receivedStatus bitmask: 1 read, 2 listened, 4 downloaded
 * @param sentTime       ms since 1970
 * @param extra          the local extra
 */
public record MessageItem(long id, String type, String targetId, boolean sent, String senderUserId, String objectName,
        JsonObject content, String sentStatus, int receivedStatus, long sentTime, String extra) {

    /** Reads a message object of the facade. */
    public static MessageItem from(JsonObject json) {
        return new MessageItem(json.get("messageId").getAsLong(), json.get("conversationType").getAsString(),
                json.get("targetId").getAsString(), "SEND".equals(json.get("messageDirection").getAsString()),
                json.get("senderUserId").getAsString(), json.get("objectName").getAsString(),
                json.getAsJsonObject("content"), json.get("sentStatus").getAsString(),
                json.has("receivedStatus") ? json.get("receivedStatus").getAsInt() : 0, json.get("sentTime").getAsLong(),
                json.has("extra") ? json.get("extra").getAsString() : "");
    }

    /** A copy with another send status. */
    public MessageItem withSentStatus(String status) {
        return new MessageItem(id, type, targetId, sent, senderUserId, objectName, content, status, receivedStatus, sentTime, extra);
    }

    /** A copy with another content (a download filled a path) and received status. */
    public MessageItem with(JsonObject newContent, int newReceivedStatus) {
        return new MessageItem(id, type, targetId, sent, senderUserId, objectName, newContent, sentStatus, newReceivedStatus,
                sentTime, extra);
    }

    /** A content field as text, "" when absent. */
    public String text(String field) {
        return MessageWords.string(content, field);
    }
}
