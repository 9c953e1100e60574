package org.rongdesk.message;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.chatstates.ChatState;
import org.jivesoftware.smackx.chatstates.packet.ChatStateExtension;
import org.jivesoftware.smackx.hints.element.NoStoreHint;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.rongdesk.base.NamedThreads;
import org.rongdesk.base.RongException;
import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.ConversationType;

/**
 * Typing notices in private chats, as XEP-0085 chat states, so any XMPP client's reach us and
 * ours reach it. Sending: {@code composing} at most every {@value #RESEND_MS} ms while the user
 * types, {@code paused} once {@value #QUIET_MS} ms pass without typing (a sent message carries
 * {@code active} itself). Hearing: a peer types from its {@code composing} until its
 * {@code paused}, {@code active}, {@code inactive} or {@code gone}, a message from it, or
 * {@value #QUIET_MS} ms without another notice. Notices are never stored (no body, a
 * no-store hint). Timers run on "rongcloud-typing".
 */
public final class TypingNotices implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TypingNotices.class.getName());
    /** How long typing lasts after the last sign of it. */
    static final long QUIET_MS = 6_000;
    /** The least time between two composing notices to one peer. */
    static final long RESEND_MS = 2_500;

    private final Addresses addresses;
    private final BareJid self;
    private final Supplier<XMPPTCPConnection> connection;
    private final ScheduledExecutorService timers = NamedThreads.scheduled("rongcloud-typing");
    /** Peers this user is typing to: when composing went last, and the paused to follow. */
    private final Map<EntityBareJid, Outgoing> typingTo = new ConcurrentHashMap<>();
    /** Peers typing to this user: the end to come by itself. */
    private final Map<ConversationKey, ScheduledFuture<?>> typingFrom = new ConcurrentHashMap<>();
    private volatile TypingListener listener = (conversation, userId, typing) -> { };

    private record Outgoing(long composingSentAt, ScheduledFuture<?> pause) {
    }

    TypingNotices(Addresses addresses, BareJid self, Supplier<XMPPTCPConnection> connection) {
        this.addresses = addresses;
        this.self = self;
        this.connection = connection;
    }

    void setListener(TypingListener listener) {
        this.listener = listener;
    }

    /**
     * The user is typing in {@code conversation} (private only: -10002 otherwise). Best effort:
     * nothing is sent while signed out.
     */
    void typing(ConversationKey conversation) throws RongException {
        if (conversation.type() != ConversationType.PRIVATE) {
            throw RongException.invalid("conversationType: typing notices go to PRIVATE conversations only, not "
                    + conversation.type());
        }
        EntityBareJid to = addresses.recipient(conversation);
        long now = System.currentTimeMillis();
        Outgoing before = typingTo.get(to);
        if (before != null) {
            before.pause().cancel(false);
        }
        boolean send = before == null || now - before.composingSentAt() >= RESEND_MS;
        if (send) {
            sendState(to, ChatState.composing);
        }
        try {
            ScheduledFuture<?> pause = timers.schedule(() -> {
                if (typingTo.remove(to) != null) {
                    sendState(to, ChatState.paused);
                }
            }, QUIET_MS, TimeUnit.MILLISECONDS);
            typingTo.put(to, new Outgoing(send ? now : before.composingSentAt(), pause));
        } catch (RejectedExecutionException e) {
            LOG.fine("closing: no paused notice follows");
        }
    }

    /** The user sent {@code to} a message: it carries {@code active}, so no paused follows. */
    void messageSent(EntityBareJid to) {
        Outgoing typing = typingTo.remove(to);
        if (typing != null) {
            typing.pause().cancel(false);
        }
    }

    /** A chat message arrived (on the receive thread): its chat state, or its body, tells of typing. */
    void heard(Message message) {
        if (message.getType() != Message.Type.chat && message.getType() != Message.Type.normal || message.getFrom() == null) {
            return;
        }
        BareJid from = message.getFrom().asBareJid();
        if (from.equals(self)) {
            return;
        }
        ExtensionElement state = message.getExtension(ChatStateExtension.NAMESPACE);
        ChatState chatState = state instanceof ChatStateExtension extension ? extension.getChatState() : null;
        if (chatState == null && message.getBody() == null) {
            return;
        }
        addresses.conversationWith(from).filter(key -> key.type() == ConversationType.PRIVATE).ifPresent(key -> {
            String userId = addresses.userId(from).orElse(key.targetId());
            if (chatState == ChatState.composing && message.getBody() == null) {
                started(key, userId);
            } else {
                ended(key, userId);
            }
        });
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }

    private void started(ConversationKey key, String userId) {
        ScheduledFuture<?> end;
        try {
            end = timers.schedule(() -> ended(key, userId), QUIET_MS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return;
        }
        ScheduledFuture<?> before = typingFrom.put(key, end);
        if (before != null) {
            before.cancel(false);
        } else {
            listener.typing(key, userId, true);
        }
    }

    private void ended(ConversationKey key, String userId) {
        ScheduledFuture<?> end = typingFrom.remove(key);
        if (end != null) {
            end.cancel(false);
            listener.typing(key, userId, false);
        }
    }

    private void sendState(EntityBareJid to, ChatState state) {
        XMPPTCPConnection current = connection.get();
        if (current == null || !current.isAuthenticated()) {
            return;
        }
        try {
            current.sendStanza(StanzaBuilder.buildMessage().to(to).ofType(Message.Type.chat)
                    .addExtension(new ChatStateExtension(state)).addExtension(NoStoreHint.INSTANCE).build());
        } catch (SmackException.NotConnectedException e) {
            LOG.log(Level.FINE, "a typing notice was not sent: not connected", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
