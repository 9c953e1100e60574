package org.rongdesk.conversation;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.EnumSet;
import java.util.Set;

import org.rongdesk.base.Params;
import org.rongdesk.base.RongException;
import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.ConversationType;
import org.rongdesk.model.NotificationStatus;
import org.rongdesk.store.LocalStore;

/**
 * The spec's conversation, unread and draft methods over the local store: JSON params in,
 * JSON results out, -10002 naming the field for bad params. Blocks on the store.
 */
public final class Conversations {
    /** Longest draft, in characters. */
    public static final int MAX_DRAFT = 65_536;
    private final LocalStore store;

    public Conversations(LocalStore store) {
        this.store = store;
    }

    /** The conversation a params object names with conversationType and targetId. */
    public static ConversationKey key(JsonObject params) throws RongException {
        ConversationType type = ConversationType.parse(params == null ? null : params.get("conversationType"), "conversationType");
        return new ConversationKey(type, Params.requireId(params, "targetId"));
    }

    public JsonArray list() {
        return list(0, Integer.MAX_VALUE);
    }

    /** {@code limit} conversations of {@link #list()} from {@code offset}. */
    public JsonArray list(int offset, int limit) {
        JsonArray list = new JsonArray();
        store.conversations(offset, limit).forEach(conversation -> list.add(ConversationJson.of(conversation)));
        return list;
    }

    /** The conversation, or JSON null when the store does not know it. */
    public JsonElement get(JsonObject params) throws RongException {
        return store.conversation(key(params)).<JsonElement>map(ConversationJson::of).orElse(JsonNull.INSTANCE);
    }

    public void remove(JsonObject params) throws RongException {
        store.removeConversation(key(params));
    }

    /** Takes {@code conversationTypes}, or the spec example's {@code clearConversations}. */
    public void clear(JsonObject params) throws RongException {
        String field = params != null && !params.has("conversationTypes") && params.has("clearConversations")
                ? "clearConversations" : "conversationTypes";
        store.clearConversations(types(params, field));
    }

    public void setTop(JsonObject params) throws RongException {
        ConversationKey key = key(params);
        store.setTop(key, Params.requireBoolean(params, "isTop"));
    }

    public JsonObject notificationStatus(JsonObject params) throws RongException {
        return notificationJson(store.notification(key(params)));
    }

    public JsonObject setNotificationStatus(JsonObject params) throws RongException {
        ConversationKey key = key(params);
        String name = Params.requireString(params, "notificationStatus");
        NotificationStatus status;
        try {
            status = NotificationStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw RongException.invalid("notificationStatus must be DO_NOT_DISTURB or NOTIFY, not '" + Params.shorten(name) + "'");
        }
        store.setNotification(key, status);
        return notificationJson(status);
    }

    public JsonPrimitive totalUnread() {
        return new JsonPrimitive(store.unread(Set.of()));
    }

    public JsonPrimitive unread(JsonObject params) throws RongException {
        return new JsonPrimitive(store.unread(key(params)));
    }

    public JsonPrimitive unreadByTypes(JsonObject params) throws RongException {
        Set<ConversationType> types = types(params, "conversationTypes");
        return new JsonPrimitive(types.isEmpty() ? 0 : store.unread(types));
    }

    public void clearUnread(JsonObject params) throws RongException {
        store.clearUnread(key(params));
    }

    public JsonPrimitive draft(JsonObject params) throws RongException {
        return new JsonPrimitive(store.draft(key(params)));
    }

    public void saveDraft(JsonObject params) throws RongException {
        ConversationKey key = key(params);
        String content = Params.requireStringOrEmpty(params, "content");
        if (content.length() > MAX_DRAFT) {
            throw RongException.invalid("content is longer than " + MAX_DRAFT + " characters");
        }
        store.saveDraft(key, content);
    }

    public void clearDraft(JsonObject params) throws RongException {
        store.saveDraft(key(params), "");
    }

    private static Set<ConversationType> types(JsonObject params, String field) throws RongException {
        JsonArray array = Params.requireArray(params, field);
        Set<ConversationType> types = EnumSet.noneOf(ConversationType.class);
        for (int i = 0; i < array.size(); i++) {
            types.add(ConversationType.parse(array.get(i), field + "[" + i + "]"));
        }
        return types;
    }

    private static JsonObject notificationJson(NotificationStatus status) {
        JsonObject result = new JsonObject();
        result.addProperty("code", status.code());
        result.addProperty("notificationStatus", status.name());
        return result;
    }
}
