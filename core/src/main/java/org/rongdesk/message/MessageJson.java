package org.rongdesk.message;

import com.google.gson.JsonObject;

import org.rongdesk.model.StoredMessage;

/** A stored message in the spec's JSON shape (plus receivedStatus and the local extra). */
public final class MessageJson {
    private MessageJson() {
    }

    public static JsonObject of(StoredMessage message) {
        JsonObject json = new JsonObject();
        json.add("content", message.contentCopy());
        json.addProperty("conversationType", message.conversation().type().name());
        json.addProperty("messageDirection", message.direction().name());
        json.addProperty("targetId", message.conversation().targetId());
        json.addProperty("objectName", message.objectName());
        json.addProperty("sentStatus", message.sentStatus().name());
        json.addProperty("senderUserId", message.senderUserId());
        json.addProperty("messageId", message.id());
        json.addProperty("sentTime", message.sentTime());
        json.addProperty("receivedTime", message.receivedTime());
        json.addProperty("receivedStatus", message.receivedStatus());
        json.addProperty("extra", message.extra());
        return json;
    }

    /** {@code {"messageId": id}}, what sends answer after prepare. */
    public static JsonObject idOnly(long id) {
        JsonObject json = new JsonObject();
        json.addProperty("messageId", id);
        return json;
    }
}
