package org.rongdesk.room;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jivesoftware.smackx.muc.Affiliate;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.RoomInfo;
import org.jivesoftware.smackx.xdata.FormField;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.rongdesk.base.ErrorCode;
import org.rongdesk.base.Params;
import org.rongdesk.base.RongException;
import org.rongdesk.content.BuiltInTypes;
import org.rongdesk.message.Addresses;
import org.rongdesk.message.Messaging;
import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.ConversationType;
import org.rongdesk.model.StoredMessage;
import org.rongdesk.store.LocalStore;

/**
 * The spec's discussion methods on members-only MUC rooms {@code <uuid>@discussion.<appKey>}.
 * The creator is the room's owner; members are its member list; the invite status is whether
 * occupants may invite. Parameters are checked at once (-10002 naming the field); the work then
 * runs on the rooms thread and the future completes with the result.
 *
 * <p>Changes post a discussion notification (RC:DizNtf) into the discussion, so every member's
 * history says what happened. A member cannot take themselves off a room's member list, so
 * {@code quitDiscussion} posts a "quit" notification and leaves; the creator's client, seeing it,
 * revokes the membership.
 */
public final class Discussions {
    private static final Logger LOG = Logger.getLogger(Discussions.class.getName());
    /** Longest discussion name, in characters. */
    public static final int MAX_NAME = 256;
    /** Most members one call adds. */
    public static final int MAX_MEMBERS = 500;

    private final Rooms rooms;
    private final Addresses addresses;
    private final LocalStore store;
    private final Messaging messaging;
    private final RoomThread thread;
    private final String selfUserId;

    Discussions(Rooms rooms, Addresses addresses, LocalStore store, Messaging messaging, RoomThread thread, String selfUserId) {
        this.rooms = rooms;
        this.addresses = addresses;
        this.store = store;
        this.messaging = messaging;
        this.thread = thread;
        this.selfUserId = selfUserId;
    }

    /** {@code {name, userIdList}} → {@code {discussionId}}. */
    public CompletableFuture<JsonElement> create(JsonObject params) throws RongException {
        String name = name(params);
        List<EntityBareJid> members = users(params, "userIdList");
        return thread.run(() -> {
            String id = UUID.randomUUID().toString();
            EntityBareJid room = rooms.address("discussionId", ConversationType.DISCUSSION, id);
            MultiUserChat muc = rooms.muc(room);
            try {
                muc.create(rooms.nickname());
            } catch (Exception e) {
                throw RoomFailures.of(e, "creating the discussion");
            }
            RoomConfig.discussion(muc, name, true);
            grant(muc, members);
            messaging.incoming().startArchive(room).join();
            ConversationKey key = new ConversationKey(ConversationType.DISCUSSION, id);
            store.nameConversation(key, name);
            rooms.book(room, name);
            invite(muc, members);
            JsonObject result = new JsonObject();
            result.addProperty("discussionId", id);
            return result;
        });
    }

    /** {@code {discussionId}} → {@code {creatorId, id, name, memberIdList, inviteStatus}}. */
    public CompletableFuture<JsonElement> get(JsonObject params) throws RongException {
        String id = Params.requireId(params, "discussionId");
        EntityBareJid room = room(id);
        return thread.run(() -> {
            MultiUserChat muc = rooms.muc(room);
            RoomInfo info;
            try {
                info = RoomInfos.of(muc, rooms.signedIn());
            } catch (RongException e) {
                throw e.code() == ErrorCode.INVALID_PARAMETER ? RongException.invalid("discussionId: there is no discussion " + id) : e;
            }
            List<Affiliate> owners;
            List<Affiliate> members;
            try {
                owners = muc.getOwners();
                members = muc.getMembers();
            } catch (Exception e) {
                throw RoomFailures.of(e, "reading discussion " + id);
            }
            JsonObject result = new JsonObject();
            result.addProperty("creatorId", owners.isEmpty() ? "" : userId(owners.get(0).getJid()));
            result.addProperty("id", id);
            result.addProperty("name", RoomInfos.name(muc, rooms.signedIn(), id));
            JsonArray memberIds = new JsonArray();
            for (Affiliate affiliate : owners) {
                memberIds.add(userId(affiliate.getJid()));
            }
            for (Affiliate affiliate : members) {
                memberIds.add(userId(affiliate.getJid()));
            }
            result.add("memberIdList", memberIds);
            result.addProperty("inviteStatus", invitesOpen(info) ? "OPENED" : "CLOSED");
            return result;
        });
    }

    /** {@code {discussionId, name}}: any member may rename (the name is the room's subject). */
    public CompletableFuture<JsonElement> setName(JsonObject params) throws RongException {
        String id = Params.requireId(params, "discussionId");
        String name = name(params);
        EntityBareJid room = room(id);
        return thread.run(() -> {
            MultiUserChat muc = inside(room, id);
            try {
                muc.changeSubject(name);
            } catch (Exception e) {
                throw RoomFailures.of(e, "renaming discussion " + id);
            }
            if (isCreator(muc)) {
                RoomConfig.rename(muc, name);
            }
            store.nameConversation(key(id), name);
            rooms.book(room, name);
            notice(id, 3, name);
            return null;
        });
    }

    /** {@code {discussionId, userIdList}}: the creator always; others while invitations are open. */
    public CompletableFuture<JsonElement> addMembers(JsonObject params) throws RongException {
        String id = Params.requireId(params, "discussionId");
        List<EntityBareJid> members = users(params, "userIdList");
        EntityBareJid room = room(id);
        return thread.run(() -> {
            MultiUserChat muc = inside(room, id);
            if (isCreator(muc)) {
                grant(muc, members);
            } else if (!invitesOpen(RoomInfos.of(muc, rooms.signedIn()))) {
                throw new RongException(ErrorCode.UNKNOWN, "invitations to discussion " + id
                        + " are closed: only its creator can add members");
            }
            invite(muc, members);
            notice(id, 1, String.join(",", members.stream().map(this::userId).toList()));
            return null;
        });
    }

    /** {@code {discussionId, userId}}: only the creator, and not themselves (-1 otherwise, as the spec says). */
    public CompletableFuture<JsonElement> removeMember(JsonObject params) throws RongException {
        String id = Params.requireId(params, "discussionId");
        String userId = Params.requireId(params, "userId");
        EntityBareJid member = addresses.user("userId", userId);
        EntityBareJid room = room(id);
        if (userId.equals(selfUserId)) {
            throw new RongException(ErrorCode.UNKNOWN, "you cannot remove yourself from discussion " + id
                    + ": use quitDiscussion");
        }
        return thread.run(() -> {
            MultiUserChat muc = inside(room, id);
            if (!isCreator(muc)) {
                throw new RongException(ErrorCode.UNKNOWN, "only the creator of discussion " + id + " can remove members");
            }
            try {
                muc.revokeMembership(member);
            } catch (Exception e) {
                throw RoomFailures.of(e, "removing " + userId + " from discussion " + id);
            }
            notice(id, 4, userId);
            return null;
        });
    }

    /** {@code {discussionId}}: leaves for good (also after reconnects); the conversation stays until removed. */
    public CompletableFuture<JsonElement> quit(JsonObject params) throws RongException {
        String id = Params.requireId(params, "discussionId");
        EntityBareJid room = room(id);
        return thread.run(() -> {
            if (rooms.isIn(room)) {
                // the notice must reach the room before the user leaves it, or the room refuses it
                notice(id, 2, "").join();
            }
            rooms.unbook(room);
            rooms.leave(room);
            return null;
        });
    }

    /** {@code {discussionId, inviteStatus}} (or the spec's {@code invateStatus}): the creator only. */
    public CompletableFuture<JsonElement> setInviteStatus(JsonObject params) throws RongException {
        String id = Params.requireId(params, "discussionId");
        String field = params != null && !params.has("inviteStatus") && params.has("invateStatus") ? "invateStatus" : "inviteStatus";
        String status = Params.requireString(params, field);
        if (!status.equals("OPENED") && !status.equals("CLOSED")) {
            throw RongException.invalid(field + " must be OPENED or CLOSED, not '" + Params.shorten(status) + "'");
        }
        EntityBareJid room = room(id);
        return thread.run(() -> {
            MultiUserChat muc = inside(room, id);
            if (!isCreator(muc)) {
                throw new RongException(ErrorCode.UNKNOWN, "only the creator of discussion " + id + " can change its invite status");
            }
            RoomConfig.allowInvites(muc, status.equals("OPENED"));
            notice(id, 5, status.equals("OPENED") ? "0" : "1");
            return null;
        });
    }

    /** Sees every received message: a member's "quit" notice makes the creator's client revoke them. */
    void observe(StoredMessage message) {
        if (message.conversation().type() != ConversationType.DISCUSSION
                || !message.objectName().equals(BuiltInTypes.DISCUSSION_NOTIFICATION)
                || message.content().get("type") == null || message.content().get("type").getAsInt() != 2) {
            return;
        }
        String id = message.conversation().targetId();
        String quitter = message.senderUserId();
        thread.run(() -> {
            MultiUserChat muc = rooms.muc(room(id));
            if (muc.isJoined() && isCreator(muc)) {
                EntityBareJid member = addresses.user("senderUserId", quitter);
                Departures.whenGone(muc, member, () -> revoke(muc, member, id));
            }
            return null;
        }).exceptionally(e -> {
            LOG.log(Level.INFO, "could not take " + quitter + " off discussion " + id, e);
            return null;
        });
    }

    private void revoke(MultiUserChat muc, EntityBareJid member, String id) {
        thread.run(() -> {
            muc.revokeMembership(member);
            LOG.fine(() -> member + " quit discussion " + id + "; membership revoked");
            return null;
        }).exceptionally(e -> {
            LOG.log(Level.INFO, "could not take " + member + " off discussion " + id, e);
            return null;
        });
    }

    private CompletableFuture<Void> notice(String id, int type, String extension) {
        JsonObject content = new JsonObject();
        content.addProperty("type", type);
        content.addProperty("extension", extension);
        content.addProperty("operator", selfUserId);
        return messaging.sendNotice(key(id), BuiltInTypes.DISCUSSION_NOTIFICATION, content);
    }

    private MultiUserChat inside(EntityBareJid room, String id) throws RongException {
        if (!rooms.isIn(room)) {
            throw new RongException(ErrorCode.UNKNOWN, "discussionId: you are not in discussion " + id);
        }
        return rooms.muc(room);
    }

    private boolean isCreator(MultiUserChat muc) throws RongException {
        try {
            EntityBareJid self = addresses.self(selfUserId);
            return muc.getOwners().stream().anyMatch(owner -> owner.getJid().asBareJid().equals(self));
        } catch (Exception e) {
            throw RoomFailures.of(e, "reading the owners of " + muc.getRoom());
        }
    }

    private void grant(MultiUserChat muc, List<EntityBareJid> members) throws RongException {
        if (members.isEmpty()) {
            return;
        }
        try {
            muc.grantMembership(members);
        } catch (Exception e) {
            throw RoomFailures.of(e, "adding members");
        }
    }

    private void invite(MultiUserChat muc, List<EntityBareJid> members) throws RongException {
        for (EntityBareJid member : members) {
            try {
                muc.invite(member, "");
            } catch (Exception e) {
                throw RoomFailures.of(e, "inviting " + member);
            }
        }
    }

    private static boolean invitesOpen(RoomInfo info) {
        FormField field = info.getForm() == null ? null : info.getForm().getField("muc#roomconfig_allowinvites");
        String value = field == null ? null : field.getFirstValue();
        return "1".equals(value) || "true".equals(value);
    }

    private String userId(Jid jid) {
        return addresses.userId(jid.asBareJid()).orElse(jid.toString());
    }

    private EntityBareJid room(String id) throws RongException {
        return rooms.address("discussionId", ConversationType.DISCUSSION, id);
    }

    private static ConversationKey key(String id) {
        return new ConversationKey(ConversationType.DISCUSSION, id);
    }

    private static String name(JsonObject params) throws RongException {
        String name = Params.requireString(params, "name");
        if (name.length() > MAX_NAME) {
            throw RongException.invalid("name is longer than " + MAX_NAME + " characters");
        }
        return name;
    }

    private List<EntityBareJid> users(JsonObject params, String field) throws RongException {
        JsonArray array = Params.requireArray(params, field);
        if (array.size() > MAX_MEMBERS) {
            throw RongException.invalid(field + " holds more than " + MAX_MEMBERS + " user ids");
        }
        Set<EntityBareJid> users = new LinkedHashSet<>();
        EntityBareJid self = addresses.self(selfUserId);
        for (int i = 0; i < array.size(); i++) {
            String element = field + "[" + i + "]";
            JsonObject one = new JsonObject();
            one.add(element, array.get(i));
            EntityBareJid user = addresses.user(element, Params.requireId(one, element));
            if (!user.equals(self)) {
                users.add(user);
            }
        }
        return new ArrayList<>(users);
    }

    private String userId(EntityBareJid jid) {
        return addresses.userId(jid).orElse(jid.toString());
    }
}
