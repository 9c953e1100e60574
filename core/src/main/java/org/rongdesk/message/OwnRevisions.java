package org.rongdesk.message;

import com.google.gson.JsonObject;

import java.util.UUID;
import java.util.function.Supplier;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.hints.element.StoreHint;
import org.jxmpp.jid.EntityBareJid;
import org.rongdesk.base.ErrorCode;
import org.rongdesk.base.RongException;
import org.rongdesk.base.XmlChars;
import org.rongdesk.content.BuiltInTypes;
import org.rongdesk.model.MessageDirection;
import org.rongdesk.model.SentStatus;
import org.rongdesk.model.StoredMessage;
import org.rongdesk.store.LocalStore;

/**
 * The user recalling or correcting a message they sent ({@link Revisions} for the wire): the
 * peer, or every member of the room, is told, then the local copy changes as theirs will. Only
 * a message that went out (SENT or READ) of this user's can be changed, only a text corrected;
 * anything else answers -10002 naming {@code messageId}; signed out, -2.
 */
final class OwnRevisions {
    private final LocalStore store;
    private final Addresses addresses;
    private final StanzaWriter stanzas;
    private final Supplier<XMPPTCPConnection> connection;
    private final String selfUserId;

    OwnRevisions(LocalStore store, Addresses addresses, StanzaWriter stanzas, Supplier<XMPPTCPConnection> connection,
            String selfUserId) {
        this.store = store;
        this.addresses = addresses;
        this.stanzas = stanzas;
        this.connection = connection;
        this.selfUserId = selfUserId;
    }

    /** Recalls message {@code id}; the recall notice it becomes. */
    StoredMessage recall(long id) throws RongException {
        StoredMessage message = ownSent(id, "recall");
        if (message.objectName().equals(BuiltInTypes.RECALL_NOTIFICATION)) {
            throw RongException.invalid("messageId: message " + id + " is recalled already");
        }
        EntityBareJid to = addresses.recipient(message.conversation());
        send(StanzaBuilder.buildMessage(UUID.randomUUID().toString()).to(to).ofType(type(message))
                .setBody(Revisions.FALLBACK_BODY)
                .addExtension(Revisions.retract(Revisions.originId(message.uid())))
                .addExtension(Revisions.retractFallback())
                .addExtension(StoreHint.INSTANCE)
                .build());
        return store.revise(id, BuiltInTypes.RECALL_NOTIFICATION,
                RecallNotice.of(selfUserId, System.currentTimeMillis(), message.objectName()), true).orElseThrow();
    }

    /** Replaces the text of text message {@code id} with {@code params.text}; the message as it is now. */
    StoredMessage edit(long id, JsonObject params) throws RongException {
        String text = SendRequests.limited(params, "text", true, BuiltInTypes.MAX_TEXT);
        XmlChars.require("text", text);
        StoredMessage message = ownSent(id, "edit");
        if (!message.objectName().equals(BuiltInTypes.TEXT)) {
            throw RongException.invalid("messageId: message " + id + " is not a text message (" + message.objectName() + ")");
        }
        JsonObject content = message.contentCopy();
        content.addProperty("text", text);
        content.remove("edited");
        String originId = UUID.randomUUID().toString();
        StoredMessage corrected = new StoredMessage(message.id(), message.conversation(), message.direction(),
                message.senderUserId(), message.objectName(), content, message.sentStatus(), message.receivedStatus(),
                message.sentTime(), message.receivedTime(), message.extra(), "o:" + addresses.self(selfUserId) + "/" + originId);
        Message stanza = stanzas.write(corrected, addresses.recipient(message.conversation()), originId, type(message));
        stanza.addExtension(Revisions.correct(Revisions.originId(message.uid())));
        send(stanza);
        return store.revise(id, BuiltInTypes.TEXT, RecallNotice.edited(content), false).orElseThrow();
    }

    private StoredMessage ownSent(long id, String what) throws RongException {
        StoredMessage message = store.message(id).orElseThrow(() -> RongException.invalid("messageId: there is no message " + id));
        if (message.direction() != MessageDirection.SEND || message.uid() == null || !message.uid().startsWith("o:")) {
            throw RongException.invalid("messageId: message " + id + " is not one of yours to " + what);
        }
        if (message.sentStatus() != SentStatus.SENT && message.sentStatus() != SentStatus.READ) {
            throw RongException.invalid("messageId: message " + id + " was not sent (" + message.sentStatus() + ")");
        }
        return message;
    }

    private static Message.Type type(StoredMessage message) {
        return Addresses.isRoom(message.conversation().type()) ? Message.Type.groupchat : Message.Type.chat;
    }

    private void send(Message stanza) throws RongException {
        XMPPTCPConnection current = connection.get();
        if (current == null || !current.isAuthenticated()) {
            throw new RongException(ErrorCode.SEND_FAILED, "not connected to the server: nothing was changed");
        }
        try {
            current.sendStanza(stanza);
        } catch (SmackException.NotConnectedException e) {
            throw new RongException(ErrorCode.SEND_FAILED, "not connected to the server: nothing was changed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RongException(ErrorCode.SEND_FAILED, "interrupted", e);
        }
    }
}
