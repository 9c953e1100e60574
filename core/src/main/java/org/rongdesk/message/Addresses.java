package org.rongdesk.message;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.jxmpp.util.XmppStringUtils;
import org.rongdesk.base.RongException;
import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.ConversationType;

/**
 * Maps ids and conversations to XMPP addresses and back: user {@code id} is
 * {@code <id, XEP-0106 escaped>@<appKey>}; a discussion, group or chat room {@code id} is
 * {@code <id, escaped>@discussion.|group.|chatroom.<appKey>}; the bare App Key domain is the
 * SYSTEM sender; the configured customer-service ids make CUSTOMER_SERVICE conversations.
 */
public final class Addresses {
    private static final Map<ConversationType, String> ROOM_SERVICES = Map.of(
            ConversationType.DISCUSSION, "discussion.",
            ConversationType.GROUP, "group.",
            ConversationType.CHATROOM, "chatroom.");

    private final String appKey;
    private final Set<String> customerService;

    public Addresses(String appKey, Set<String> customerService) {
        this.appKey = appKey;
        this.customerService = customerService;
    }

    /** The address of user {@code userId}; -10002 naming {@code field} when it cannot be one. */
    public EntityBareJid user(String field, String userId) throws RongException {
        return entity(field, userId, appKey);
    }

    /** The address of the signed-in user (whose id a token already proved valid). */
    public EntityBareJid self(String userId) {
        try {
            return user("userId", userId);
        } catch (RongException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Whether conversations of this type are MUC rooms. */
    public static boolean isRoom(ConversationType type) {
        return ROOM_SERVICES.containsKey(type);
    }

    /** The room of a DISCUSSION, GROUP or CHATROOM conversation; -10002 naming {@code field} when the id cannot be one. */
    public EntityBareJid room(String field, ConversationKey key) throws RongException {
        String service = ROOM_SERVICES.get(key.type());
        if (service == null) {
            throw new IllegalArgumentException(key.type() + " is not a room");
        }
        return entity(field, key.targetId(), service + appKey);
    }

    /** Where a message for {@code key} goes: the user, or the room. */
    public EntityBareJid recipient(ConversationKey key) throws RongException {
        return isRoom(key.type()) ? room("targetId", key) : user("targetId", key.targetId());
    }

    /** The user id of an address of this App Key, if it is one. */
    public Optional<String> userId(BareJid jid) {
        if (jid == null || !jid.getDomain().toString().equals(appKey) || !jid.hasLocalpart()) {
            return Optional.empty();
        }
        return Optional.of(XmppStringUtils.unescapeLocalpart(jid.getLocalpartOrNull().toString()));
    }

    /** The conversation of a room address, if it is a room of this App Key. */
    public Optional<ConversationKey> roomConversation(BareJid room) {
        if (room == null || !room.hasLocalpart()) {
            return Optional.empty();
        }
        String domain = room.getDomain().toString();
        for (Map.Entry<ConversationType, String> service : ROOM_SERVICES.entrySet()) {
            if (domain.equals(service.getValue() + appKey)) {
                return Optional.of(new ConversationKey(service.getKey(),
                        XmppStringUtils.unescapeLocalpart(room.getLocalpartOrNull().toString())));
            }
        }
        return Optional.empty();
    }

    /** The one-to-one conversation with {@code counterpart}, if it belongs to this App Key. */
    public Optional<ConversationKey> conversationWith(BareJid counterpart) {
        if (counterpart == null) {
            return Optional.empty();
        }
        if (!counterpart.hasLocalpart() && counterpart.getDomain().toString().equals(appKey)) {
            return Optional.of(new ConversationKey(ConversationType.SYSTEM, appKey));
        }
        return userId(counterpart).map(id -> new ConversationKey(
                customerService.contains(id) ? ConversationType.CUSTOMER_SERVICE : ConversationType.PRIVATE, id));
    }

    private static EntityBareJid entity(String field, String id, String domain) throws RongException {
        try {
            return JidCreate.entityBareFrom(XmppStringUtils.escapeLocalpart(id) + "@" + domain);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw RongException.invalid(field + ": '" + id + "' cannot be an id");
        }
    }
}
