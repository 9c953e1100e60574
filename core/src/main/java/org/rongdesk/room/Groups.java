package org.rongdesk.room;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jivesoftware.smackx.bookmarks.BookmarkedConference;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jxmpp.jid.EntityBareJid;
import org.rongdesk.base.Params;
import org.rongdesk.base.RongException;
import org.rongdesk.message.IncomingMessages;
import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.ConversationType;
import org.rongdesk.store.LocalStore;

/**
 * The spec's group methods on persistent MUC rooms {@code <groupId>@group.<appKey>}. rongCloud
 * lets any client join any group by its id (the app's server decides who belongs), so group rooms
 * are open; the user's groups are the groups in their room list on the server. The first to join
 * a group creates its room.
 */
public final class Groups {
    /** Longest group name, in characters. */
    public static final int MAX_NAME = 256;
    /** Most groups one syncGroup takes. */
    public static final int MAX_GROUPS = 1000;

    private final Rooms rooms;
    private final LocalStore store;
    private final IncomingMessages incoming;
    private final RoomThread thread;

    Groups(Rooms rooms, LocalStore store, IncomingMessages incoming, RoomThread thread) {
        this.rooms = rooms;
        this.store = store;
        this.incoming = incoming;
        this.thread = thread;
    }

    /** {@code {groupId, groupName}}: enters (creating if new) and lists the group. */
    public CompletableFuture<JsonElement> join(JsonObject params) throws RongException {
        String id = Params.requireId(params, "groupId");
        String name = name(params, "groupName");
        EntityBareJid room = room("groupId", id);
        return thread.run(() -> {
            enter(room, id, name);
            return null;
        });
    }

    /** {@code {groupId}}: leaves for good (also after reconnects); the conversation stays until removed. */
    public CompletableFuture<JsonElement> quit(JsonObject params) throws RongException {
        String id = Params.requireId(params, "groupId");
        EntityBareJid room = room("groupId", id);
        return thread.run(() -> {
            leave(room);
            return null;
        });
    }

    /**
     * {@code {groups: [{groupId, groupName, portraitUri}]}}: makes the user's groups exactly these,
     * entering the new ones and leaving the others. Doing it twice changes nothing.
     */
    public CompletableFuture<JsonElement> sync(JsonObject params) throws RongException {
        JsonArray groups = Params.requireArray(params, "groups");
        if (groups.size() > MAX_GROUPS) {
            throw RongException.invalid("groups holds more than " + MAX_GROUPS + " groups");
        }
        Map<EntityBareJid, String[]> wanted = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            String field = "groups[" + i + "]";
            if (!groups.get(i).isJsonObject()) {
                throw RongException.invalid(field + " must be an object, not " + Params.describe(groups.get(i)));
            }
            JsonObject group = prefixed(groups.get(i).getAsJsonObject(), field);
            String id = Params.requireId(group, field + ".groupId");
            String name = name(group, field + ".groupName");
            Params.optionalString(group, field + ".portraitUri", "");
            wanted.put(room(field + ".groupId", id), new String[] {id, name});
        }
        return thread.run(() -> {
            for (BookmarkedConference booked : rooms.booked()) {
                EntityBareJid room = booked.getJid();
                if (rooms.conversation(room).type() == ConversationType.GROUP && !wanted.containsKey(room)) {
                    leave(room);
                }
            }
            for (Map.Entry<EntityBareJid, String[]> group : wanted.entrySet()) {
                enter(group.getKey(), group.getValue()[0], group.getValue()[1]);
            }
            return null;
        });
    }

    private void enter(EntityBareJid room, String id, String name) throws RongException {
        MultiUserChat muc = rooms.muc(room);
        if (!muc.isJoined()) {
            try {
                MultiUserChat.MucCreateConfigFormHandle created = muc.createOrJoin(
                        muc.getEnterConfigurationBuilder(rooms.nickname()).requestNoHistory().build());
                if (created != null) {
                    RoomConfig.group(muc, name);
                }
            } catch (Exception e) {
                throw RoomFailures.of(e, "joining group " + id);
            }
        }
        incoming.startArchive(room).join();
        store.nameConversation(new ConversationKey(ConversationType.GROUP, id), name);
        rooms.book(room, name);
    }

    private void leave(EntityBareJid room) throws RongException {
        rooms.unbook(room);
        rooms.leave(room);
    }

    private EntityBareJid room(String field, String id) throws RongException {
        return rooms.address(field, ConversationType.GROUP, id);
    }

    private static String name(JsonObject params, String field) throws RongException {
        String name = Params.requireString(params, field);
        if (name.length() > MAX_NAME) {
            throw RongException.invalid(field + " is longer than " + MAX_NAME + " characters");
        }
        return name;
    }

    /** The group's fields under names that say where they are ("groups[2].groupId"), for error messages. */
    private static JsonObject prefixed(JsonObject group, String prefix) {
        JsonObject named = new JsonObject();
        group.entrySet().forEach(entry -> named.add(prefix + "." + entry.getKey(), entry.getValue()));
        return named;
    }
}
