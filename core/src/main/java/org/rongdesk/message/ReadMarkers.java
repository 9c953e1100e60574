package org.rongdesk.message;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.chat_markers.element.ChatMarkersElements;
import org.jivesoftware.smackx.hints.element.StoreHint;
import org.jxmpp.jid.BareJid;
import org.rongdesk.base.ErrorCode;
import org.rongdesk.base.RongException;
import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.ConversationType;
import org.rongdesk.model.MessageDirection;
import org.rongdesk.model.StoredMessage;
import org.rongdesk.store.LocalStore;

/**
 * Read receipts in private chats as XEP-0333 chat markers: our messages are {@code markable};
 * {@link #send} tells the peer the user has seen their newest message ({@code displayed} with
 * its id); a {@code displayed} from a peer makes our messages to them up to the one it names
 * READ. A marker names a message by the id its sender gave it, which the store keeps as the
 * uid for messages with an origin id (XEP-0359: Rong Desk, Dino, Gajim, Conversations); a
 * message without one cannot be named, so the newest that can is.
 */
final class ReadMarkers {
    private static final Logger LOG = Logger.getLogger(ReadMarkers.class.getName());
    private final LocalStore store;
    private final Addresses addresses;
    private final BareJid self;
    private final Supplier<XMPPTCPConnection> connection;
    private volatile ReadReceiptListener listener = (conversation, lastMessageSendTime) -> { };

    ReadMarkers(LocalStore store, Addresses addresses, BareJid self, Supplier<XMPPTCPConnection> connection) {
        this.store = store;
        this.addresses = addresses;
        this.self = self;
        this.connection = connection;
    }

    void setListener(ReadReceiptListener listener) {
        this.listener = listener;
    }

    /** The user has read {@code conversation} (private only: -10002 otherwise; -2 when signed out). */
    void send(ConversationKey conversation) throws RongException {
        if (conversation.type() != ConversationType.PRIVATE) {
            throw RongException.invalid("conversationType: read receipts go to PRIVATE conversations only, not "
                    + conversation.type());
        }
        Optional<StoredMessage> newest = store.newestReceivedWithOrigin(conversation);
        if (newest.isEmpty()) {
            return;
        }
        XMPPTCPConnection current = connection.get();
        if (current == null || !current.isAuthenticated()) {
            throw new RongException(ErrorCode.SEND_FAILED, "not connected to the server: the read receipt was not sent");
        }
        String uid = newest.get().uid();
        try {
            current.sendStanza(StanzaBuilder.buildMessage().to(addresses.recipient(conversation)).ofType(Message.Type.chat)
                    .addExtension(new ChatMarkersElements.DisplayedExtension(uid.substring(uid.lastIndexOf('/') + 1)))
                    .addExtension(StoreHint.INSTANCE).build());
        } catch (SmackException.NotConnectedException e) {
            throw new RongException(ErrorCode.SEND_FAILED, "not connected to the server: the read receipt was not sent", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RongException(ErrorCode.SEND_FAILED, "interrupted", e);
        }
    }

    /** A live chat message (receive thread): a peer's {@code displayed} marks our messages up to it READ. */
    void heard(Message message) {
        ChatMarkersElements.DisplayedExtension displayed = ChatMarkersElements.DisplayedExtension.from(message);
        if (displayed == null || message.getFrom() == null || displayed.getId() == null) {
            return;
        }
        BareJid from = message.getFrom().asBareJid();
        Optional<ConversationKey> conversation = addresses.conversationWith(from)
                .filter(key -> key.type() == ConversationType.PRIVATE);
        if (conversation.isEmpty() || from.equals(self)) {
            return;
        }
        Optional<StoredMessage> read = store.messageIdByUid("o:" + self + "/" + displayed.getId()).flatMap(store::message)
                .filter(m -> m.direction() == MessageDirection.SEND && m.conversation().equals(conversation.get()));
        if (read.isEmpty()) {
            LOG.log(Level.FINE, () -> from + " read a message this client does not know: " + displayed.getId());
            return;
        }
        if (store.markRead(conversation.get(), read.get().id()) > 0) {
            listener.read(conversation.get(), read.get().sentTime());
        }
    }
}
