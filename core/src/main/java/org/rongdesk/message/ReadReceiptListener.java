package org.rongdesk.message;

import org.rongdesk.model.ConversationKey;

/** Hears that a peer read this user's messages up to one sent at {@code lastMessageSendTime} (on "rongcloud-receive"). */
@FunctionalInterface
public interface ReadReceiptListener {
    void read(ConversationKey conversation, long lastMessageSendTime);
}
