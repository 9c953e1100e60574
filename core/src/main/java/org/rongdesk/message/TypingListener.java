package org.rongdesk.message;

import org.rongdesk.model.ConversationKey;

/** Hears peers start and stop typing to this user (on "rongcloud-receive" or "rongcloud-typing"). */
@FunctionalInterface
public interface TypingListener {
    void typing(ConversationKey conversation, String userId, boolean typing);
}
