package org.rongdesk.conversation;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import java.util.Optional;

import org.rongdesk.model.Conversation;
import org.rongdesk.model.StoredMessage;

/**
 * A conversation in the spec's JSON shape. The spec spells {@code recievedStatus}; it is written
 * as spelled, with {@code receivedStatus} beside it. Without a latest message, latestMessage is
 * null, its other fields empty and latestMessageId -1.
 */
public final class ConversationJson {
    private ConversationJson() {
    }

    public static JsonObject of(Conversation conversation) {
        JsonObject json = new JsonObject();
        Optional<StoredMessage> latest = conversation.latest();
        json.addProperty("conversationTitle", conversation.title());
        json.addProperty("conversationType", conversation.key().type().name());
        json.addProperty("draft", conversation.draft());
        json.addProperty("targetId", conversation.key().targetId());
        json.add("latestMessage", latest.<JsonElement>map(m -> m.contentCopy()).orElse(JsonNull.INSTANCE));
        json.addProperty("sentStatus", latest.map(m -> m.sentStatus().name()).orElse(""));
        json.addProperty("notificationStatus", conversation.notification().name());
        json.addProperty("objectName", latest.map(StoredMessage::objectName).orElse(""));
        int received = latest.map(StoredMessage::receivedStatus).orElse(0);
        json.addProperty("recievedStatus", received);
        json.addProperty("receivedStatus", received);
        json.addProperty("senderUserId", latest.map(StoredMessage::senderUserId).orElse(""));
        json.addProperty("unreadMessageCount", conversation.unread());
        json.addProperty("receivedTime", latest.map(StoredMessage::receivedTime).orElse(0L));
        json.addProperty("sentTime", latest.map(StoredMessage::sentTime).orElse(0L));
        json.addProperty("isTop", conversation.top());
        json.addProperty("latestMessageId", latest.map(StoredMessage::id).orElse(-1L));
        return json;
    }
}
