package org.rongdesk.room;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jivesoftware.smackx.muc.MucEnterConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jxmpp.jid.EntityBareJid;
import org.rongdesk.base.Params;
import org.rongdesk.base.RongException;
import org.rongdesk.message.IncomingMessages;
import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.ConversationType;
import org.rongdesk.store.LocalStore;

/**
 * The spec's chat room methods on open MUC rooms {@code <chatRoomId>@chatroom.<appKey>}.
 * {@code defMessageCount} is how many earlier messages to bring in: -1 none, 0 the default
 * {@value #DEFAULT_HISTORY}, at most {@value #MAX_HISTORY} (as rongCloud); they are delivered to
 * the receive listener with {@code left} counting down. Leaving drops the room's local messages.
 */
public final class ChatRooms {
    /** Earlier messages brought in when defMessageCount is 0 or absent. */
    public static final int DEFAULT_HISTORY = 10;
    /** Most earlier messages brought in. */
    public static final int MAX_HISTORY = 50;
    private static final Duration HISTORY_WAIT = Duration.ofSeconds(5);

    private final Rooms rooms;
    private final LocalStore store;
    private final IncomingMessages incoming;
    private final RoomThread thread;

    ChatRooms(Rooms rooms, LocalStore store, IncomingMessages incoming, RoomThread thread) {
        this.rooms = rooms;
        this.store = store;
        this.incoming = incoming;
        this.thread = thread;
    }

    /** {@code {chatRoomId, defMessageCount}}. */
    public CompletableFuture<JsonElement> join(JsonObject params) throws RongException {
        String id = Params.requireId(params, "chatRoomId");
        long requested = params.has("defMessageCount") && !params.get("defMessageCount").isJsonNull()
                ? Params.requireLong(params, "defMessageCount", -1, MAX_HISTORY) : 0;
        int history = requested == 0 ? DEFAULT_HISTORY : (int) Math.max(0, requested);
        EntityBareJid room = rooms.address("chatRoomId", ConversationType.CHATROOM, id);
        return thread.run(() -> {
            MultiUserChat muc = rooms.muc(room);
            if (!muc.isJoined()) {
                CompletableFuture<Void> delivered = incoming.expectHistory(room);
                MucEnterConfiguration.Builder entry = muc.getEnterConfigurationBuilder(rooms.nickname());
                if (history > 0) {
                    entry.requestMaxStanzasHistory(history);
                } else {
                    entry.requestNoHistory();
                }
                try {
                    if (muc.createOrJoin(entry.build()) != null) {
                        RoomConfig.chatRoom(muc, id);
                    }
                } catch (Exception e) {
                    incoming.endHistory(room);
                    throw RoomFailures.of(e, "joining chat room " + id);
                }
                try {
                    delivered.get(HISTORY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    incoming.endHistory(room);
                }
            }
            rooms.rememberChatRoom(room);
            store.nameConversation(new ConversationKey(ConversationType.CHATROOM, id), id);
            return null;
        });
    }

    /** {@code {chatRoomId}}: leaves, and the room's messages and conversation are deleted here. */
    public CompletableFuture<JsonElement> quit(JsonObject params) throws RongException {
        String id = Params.requireId(params, "chatRoomId");
        EntityBareJid room = rooms.address("chatRoomId", ConversationType.CHATROOM, id);
        return thread.run(() -> {
            rooms.leave(room);
            store.deleteConversation(new ConversationKey(ConversationType.CHATROOM, id));
            return null;
        });
    }
}
