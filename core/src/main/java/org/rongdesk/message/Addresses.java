package org.rongdesk.message;

import java.util.Optional;
import java.util.Set;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.jxmpp.util.XmppStringUtils;
import org.rongdesk.api.RongException;
import org.rongdesk.conversation.ConversationKey;
import org.rongdesk.conversation.ConversationType;

/**
 * Maps user ids and conversations to XMPP addresses and back: user {@code id} is
 * {@code <id, XEP-0106 escaped>@<appKey>}; the bare App Key domain is the SYSTEM sender; the
 * configured customer-service ids make CUSTOMER_SERVICE conversations.
 */
public final class Addresses {
    private final String appKey;
    private final Set<String> customerService;

    public Addresses(String appKey, Set<String> customerService) {
        this.appKey = appKey;
        this.customerService = customerService;
    }

    /** The address of user {@code userId}; -10002 naming {@code field} when it cannot be one. */
    public EntityBareJid user(String field, String userId) throws RongException {
        try {
            return JidCreate.entityBareFrom(XmppStringUtils.escapeLocalpart(userId) + "@" + appKey);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw RongException.invalid(field + ": '" + userId + "' cannot be a user id");
        }
    }

    /** The address of the signed-in user (whose id a token already proved valid). */
    public EntityBareJid self(String userId) {
        try {
            return user("userId", userId);
        } catch (RongException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Where a message for a PRIVATE or CUSTOMER_SERVICE conversation goes. */
    public EntityBareJid recipient(ConversationKey key) throws RongException {
        return user("targetId", key.targetId());
    }

    /** The user id of an address of this App Key, if it is one. */
    public Optional<String> userId(BareJid jid) {
        if (jid == null || !jid.getDomain().toString().equals(appKey) || !jid.hasLocalpart()) {
            return Optional.empty();
        }
        return Optional.of(XmppStringUtils.unescapeLocalpart(jid.getLocalpartOrNull().toString()));
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
}
