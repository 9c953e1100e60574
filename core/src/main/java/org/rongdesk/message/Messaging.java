package org.rongdesk.message;

import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.EntityBareJid;
import org.rongdesk.base.RongException;
import org.rongdesk.config.ClientConfig;
import org.rongdesk.connection.ServerLink;
import org.rongdesk.connection.SessionListener;
import org.rongdesk.content.BuiltInTypes;
import org.rongdesk.content.ContentTypes;
import org.rongdesk.conversation.Conversations;
import org.rongdesk.media.HttpTransfers;
import org.rongdesk.media.LocalFiles;
import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.StoredMessage;
import org.rongdesk.store.LocalStore;

/**
 * The messaging of one signed-in user: the six sends, resending, downloads and receiving, wired
 * to the store and to whichever connection is current.
 */
public final class Messaging implements SessionListener, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Messaging.class.getName());
    /** The six send methods. */
    public enum Kind { TEXT, IMAGE, VOICE, LOCATION, RICH_CONTENT, COMMAND, GENERIC }

    private final AtomicReference<XMPPTCPConnection> connection = new AtomicReference<>();
    private final SendRequests requests;
    private final OutgoingMessages outgoing;
    private final IncomingMessages incoming;
    private final MediaDownloads downloads;
    private final TypingNotices typing;
    private final ReadMarkers markers;
    private final OwnRevisions revisions;

    /**
     * @param fileBase   where {@code fs://} points
     * @param link       whether a connection is being made (sends wait for it rather than fail); hears of stalls
     * @param rooms      the rooms feature
     */
    public Messaging(ClientConfig config, LocalStore store, ContentTypes types, String userId, Path fileBase,
            ServerLink link, RoomHooks rooms) {
        Addresses addresses = new Addresses(config.appKey(), config.customerService());
        EntityBareJid self = addresses.self(userId);
        MediaDir media = new MediaDir(store.directory());
        this.requests = new SendRequests(new LocalFiles(fileBase), media, types);
        HttpTransfers http = new HttpTransfers(config); // one HTTP client (and selector thread) for uploads and downloads
        this.typing = new TypingNotices(addresses, self, connection::get);
        this.markers = new ReadMarkers(store, addresses, self, connection::get);
        this.revisions = new OwnRevisions(store, addresses, new StanzaWriter(types), connection::get, userId);
        // a room that refused a send is recovered by the receive side, which reads its archive
        this.outgoing = new OutgoingMessages(store, addresses, config, types, userId, connection::get, link, rooms, http,
                typing::messageSent, this::recoverRoom);
        this.incoming = new IncomingMessages(store, new MessageParser(addresses, types, self, rooms::realAddress), media, self,
                outgoing::bounced, outgoing::reflected, this::chatSignals, rooms, config.roomCheck());
        this.downloads = new MediaDownloads(store, media, http);
    }

    private CompletableFuture<Boolean> recoverRoom(EntityBareJid room) {
        return incoming.recoverRoom(room);
    }

    /** Checks the params of a send (-10002 naming the field), stores the message and sends it. Blocks on disk. */
    public void send(Kind kind, JsonObject params, SendListener listener) throws RongException {
        SendRequest request = switch (kind) {
            case TEXT -> requests.text(params);
            case IMAGE -> requests.image(params);
            case VOICE -> requests.voice(params);
            case LOCATION -> requests.location(params);
            case RICH_CONTENT -> requests.richContent(params);
            case COMMAND -> requests.command(params);
            case GENERIC -> requests.generic(params);
        };
        outgoing.send(request, listener);
    }

    /**
     * Sends a message the client or a plugin composed (a discussion notification, a poll):
     * checked by its type, stored and sent like any other; a failure is logged and the message
     * stays FAILED in history. The future completes when the send is over either way.
     */
    public CompletableFuture<Void> sendNotice(ConversationKey key, String objectName, JsonObject content) {
        CompletableFuture<Void> over = new CompletableFuture<>();
        SendRequest request;
        try {
            request = objectName.equals(BuiltInTypes.DISCUSSION_NOTIFICATION)
                    ? new SendRequest(key, objectName, content, List.of()) : requests.generic(key, objectName, content);
        } catch (RongException e) {
            LOG.info(() -> "a " + objectName + " message to " + key + " was refused: " + e.getMessage());
            over.complete(null);
            return over;
        }
        outgoing.send(request, new SendListener() {
            @Override
            public void prepared(StoredMessage message) {
            }

            @Override
            public void progress(long messageId, int percent) {
            }

            @Override
            public void sent(long messageId) {
                over.complete(null);
            }

            @Override
            public void failed(long messageId, RongException error) {
                LOG.info(() -> "a " + objectName + " notice to " + key + " was not sent: " + error.getMessage());
                over.complete(null);
            }
        });
        return over;
    }

    /** Sends a FAILED message again. */
    public void resend(long messageId, SendListener listener) throws RongException {
        outgoing.resend(messageId, listener);
    }

    /** Downloads a received message's file. */
    public void download(long messageId, DownloadListener listener) throws RongException {
        downloads.download(messageId, listener);
    }

    /** The receiving side, for the rooms feature (room history, archive positions, observers). */
    public IncomingMessages incoming() {
        return incoming;
    }

    /** {@code sendTypingStatus {conversationType, targetId}}: the user is typing there (XEP-0085). */
    public void sendTypingStatus(JsonObject params) throws RongException {
        typing.typing(Conversations.key(params));
    }

    /** {@code sendReadReceiptMessage {conversationType, targetId}}: the user has read it (XEP-0333). */
    public void sendReadReceipt(JsonObject params) throws RongException {
        markers.send(Conversations.key(params));
    }

    /** {@code recallMessage {messageId}}: recalls one's own sent message (XEP-0424); the recall notice it became. */
    public JsonObject recall(JsonObject params) throws RongException {
        return MessageJson.of(revisions.recall(History.messageId(params)));
    }

    /** {@code editMessage {messageId, text}}: corrects one's own sent text (XEP-0308); the message as it is now. */
    public JsonObject edit(JsonObject params) throws RongException {
        return MessageJson.of(revisions.edit(History.messageId(params), params));
    }

    /** Sets the one listener of peers recalling or correcting their messages. */
    public void setRevisionListener(RevisionListener listener) {
        incoming.setRevisionListener(listener);
    }

    /** Sets the one listener of peers' read receipts. */
    public void setReadReceiptListener(ReadReceiptListener listener) {
        markers.setListener(listener);
    }

    /** Sets the one listener of peers' typing. */
    public void setTypingListener(TypingListener listener) {
        typing.setListener(listener);
    }

    /** Sets the one listener of received messages. */
    public void setReceiveListener(ReceiveListener listener) {
        incoming.setListener(listener);
    }

    /** What a live chat message tells besides itself: typing, read markers. */
    private void chatSignals(org.jivesoftware.smack.packet.Message message) {
        typing.heard(message);
        markers.heard(message);
    }

    @Override
    public void connectionCreated(XMPPTCPConnection created) {
        connection.set(created);
        incoming.attach(created);
        outgoing.attach(created);
    }

    @Override
    public CompletableFuture<Void> signedIn(XMPPTCPConnection signedIn, Runnable goOnline) {
        return incoming.catchUp(signedIn, goOnline).whenComplete((done, failure) -> outgoing.sendUnacknowledged(signedIn));
    }

    @Override
    public void close() {
        outgoing.close();
        downloads.close();
        incoming.close();
        typing.close();
    }
}
