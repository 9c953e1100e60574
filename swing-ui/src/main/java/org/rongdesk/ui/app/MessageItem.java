package org.rongdesk.ui.app;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;

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
 * @param sentStatus     SENDING, SENT, FAILED, or READ (a sent message its addressee has seen)
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

    /** The messages of a facade answer's {@code result} array, in its order (none when it is not an array). */
    public static List<MessageItem> all(JsonElement result) {
        List<MessageItem> messages = new ArrayList<>();
        if (result != null && result.isJsonArray()) {
            result.getAsJsonArray().forEach(e -> messages.add(from(e.getAsJsonObject())));
        }
        return messages;
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

    /** Whether this is what a recalled message became (a recall notice). */
    public boolean recalled() {
        return MessageWords.RECALL.equals(objectName);
    }

    /** Whether its sender corrected it ({@code content.edited}). */
    public boolean edited() {
        return content != null && content.has("edited") && content.get("edited").isJsonPrimitive()
                && content.get("edited").getAsBoolean();
    }

    /** Whether this user sent it and it went out (so it can be recalled or corrected). */
    public boolean ownAndSent() {
        return sent && !recalled() && ("SENT".equals(sentStatus) || "READ".equals(sentStatus));
    }

    /**
     * The copy shown once {@code operatorId} recalled it: a recall notice as core stores it (who,
     * and the original type; the text is gone).
     */
    public MessageItem recalledBy(String operatorId) {
        JsonObject notice = new JsonObject();
        notice.addProperty("operatorId", operatorId);
        notice.addProperty("originalObjectName", objectName);
        return new MessageItem(id, type, targetId, sent, senderUserId, MessageWords.RECALL, notice, sentStatus, receivedStatus,
                sentTime, extra);
    }

    /** A content field as text, "" when absent. */
    public String text(String field) {
        return MessageWords.string(content, field);
    }
}
