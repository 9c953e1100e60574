package org.rongdesk.message;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.rongdesk.base.Params;
import org.rongdesk.base.RongException;
import org.rongdesk.base.XmlChars;
import org.rongdesk.content.ContentTypes;
import org.rongdesk.conversation.Conversations;
import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.ConversationType;
import org.rongdesk.model.StoredMessage;
import org.rongdesk.search.SearchIndex;
import org.rongdesk.store.LocalStore;

/**
 * The spec's history, delete and message-status methods over the local store. Pages are
 * newest first; {@code oldestMessageId = -1} starts at the newest; {@code count} is 1 to
 * {@value #MAX_COUNT}. Unknown message ids answer -10002 naming the id. Blocks on the store.
 */
public final class History {
    /** Most messages one call returns. */
    public static final int MAX_COUNT = 1000;
    /** Largest local extra, in UTF-8 bytes (the spec's limit). */
    public static final int MAX_EXTRA_BYTES = 1024;
    /** Most ids one deleteMessages call takes. */
    public static final int MAX_DELETE = 10_000;

    /** Most messages one search returns. */
    public static final int MAX_SEARCH = 200;
    /** Longest keyword, in characters. */
    public static final int MAX_KEYWORD = 256;

    private final LocalStore store;
    private final SearchIndex search;

    public History(LocalStore store, SearchIndex search) {
        this.store = store;
        this.search = search;
    }

    /**
     * {@code searchMessages {keyword, conversationType?, targetId?, count? = 20, beginTime? = 0}}
     * (Rong Desk's, named after IMLib's): messages whose text, rich-content title or description
     * or location name contain the keyword, newest first, sent before {@code beginTime} when it is
     * above 0 (the last one's {@code sentTime} gives the next page).
     */
    public JsonArray search(JsonObject params) throws RongException {
        String keyword = Params.requireString(params, "keyword").strip();
        if (keyword.isEmpty()) {
            throw RongException.invalid("keyword is empty");
        }
        if (keyword.length() > MAX_KEYWORD) {
            throw RongException.invalid("keyword is longer than " + MAX_KEYWORD + " characters");
        }
        XmlChars.require("keyword", keyword);
        Optional<ConversationType> type = Optional.empty();
        Optional<ConversationKey> conversation = Optional.empty();
        boolean hasTarget = params.has("targetId") && !params.get("targetId").isJsonNull();
        if (params.has("conversationType") && !params.get("conversationType").isJsonNull()) {
            if (hasTarget) {
                conversation = Optional.of(Conversations.key(params));
            } else {
                type = Optional.of(ConversationType.parse(params.get("conversationType"), "conversationType"));
            }
        } else if (hasTarget) {
            throw RongException.invalid("targetId needs conversationType");
        }
        int count = params.has("count") ? (int) Params.requireLong(params, "count", 1, MAX_SEARCH) : 20;
        long beginTime = params.has("beginTime") ? Params.requireLong(params, "beginTime", 0, Long.MAX_VALUE) : 0;
        JsonArray found = new JsonArray();
        search.search(keyword, type, conversation, beginTime, count).forEach(message -> found.add(MessageJson.of(message)));
        return found;
    }

    public JsonArray latest(JsonObject params) throws RongException {
        ConversationKey key = Conversations.key(params);
        return page(key, -1, count(params), null);
    }

    public JsonArray before(JsonObject params) throws RongException {
        ConversationKey key = Conversations.key(params);
        return page(key, oldest(params), count(params), null);
    }

    public JsonArray beforeByObjectName(JsonObject params) throws RongException {
        ConversationKey key = Conversations.key(params);
        String objectName = Params.requireString(params, "objectName");
        if (objectName.length() > ContentTypes.MAX_OBJECT_NAME) {
            throw RongException.invalid("objectName is longer than " + ContentTypes.MAX_OBJECT_NAME + " characters");
        }
        return page(key, oldest(params), count(params), objectName);
    }

    /** Deletes every listed message, or none when one id is unknown. */
    public void delete(JsonObject params) throws RongException {
        JsonArray array = Params.requireArray(params, "messageIds");
        if (array.size() > MAX_DELETE) {
            throw RongException.invalid("messageIds holds more than " + MAX_DELETE + " ids");
        }
        List<Long> ids = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            long id = Params.wholeNumber(array.get(i), "messageIds[" + i + "]", 1, Long.MAX_VALUE);
            requireMessage(id, "messageIds[" + i + "]");
            ids.add(id);
        }
        store.deleteMessages(ids);
    }

    public void clear(JsonObject params) throws RongException {
        store.clearMessages(Conversations.key(params));
    }

    /** Sets the bitmask (1 read, 2 listened, 4 downloaded: 0 to 7). */
    public void setReceivedStatus(JsonObject params) throws RongException {
        long id = messageId(params);
        int status = (int) Params.requireLong(params, "receivedStatus", 0, 7);
        requireMessage(id, "messageId");
        store.setReceivedStatus(id, status);
    }

    public void setExtra(JsonObject params) throws RongException {
        long id = messageId(params);
        String value = Params.requireStringOrEmpty(params, "value");
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_EXTRA_BYTES) {
            throw RongException.invalid("value is " + bytes + " bytes; at most " + MAX_EXTRA_BYTES + " are allowed");
        }
        requireMessage(id, "messageId");
        store.setExtra(id, value);
    }

    /** The {@code messageId} param. */
    public static long messageId(JsonObject params) throws RongException {
        return Params.requireLong(params, "messageId", 1, Long.MAX_VALUE);
    }

    /** The stored message, or -10002 naming {@code field}. */
    public StoredMessage requireMessage(long id, String field) throws RongException {
        return store.message(id).orElseThrow(() -> RongException.invalid(field + ": there is no message " + id));
    }

    private JsonArray page(ConversationKey key, long beforeId, int count, String objectName) {
        JsonArray page = new JsonArray();
        store.history(key, beforeId, count, objectName).forEach(message -> page.add(MessageJson.of(message)));
        return page;
    }

    private static int count(JsonObject params) throws RongException {
        return (int) Params.requireLong(params, "count", 1, MAX_COUNT);
    }

    private static long oldest(JsonObject params) throws RongException {
        long oldest = Params.requireLong(params, "oldestMessageId", -1, Long.MAX_VALUE);
        if (oldest == 0) {
            throw RongException.invalid("oldestMessageId must be -1 (from the newest) or a message id, not 0");
        }
        return oldest;
    }
}
