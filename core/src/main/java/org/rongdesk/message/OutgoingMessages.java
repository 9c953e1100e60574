package org.rongdesk.message;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.blocking.BlockingCommandManager;
import org.jivesoftware.smackx.httpfileupload.HttpFileUploadManager;
import org.jivesoftware.smackx.httpfileupload.element.Slot;
import org.jivesoftware.smackx.receipts.DeliveryReceiptManager;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.rongdesk.api.ErrorCode;
import org.rongdesk.api.RongException;
import org.rongdesk.api.XmlChars;
import org.rongdesk.config.ClientConfig;
import org.rongdesk.connection.ServerLink;
import org.rongdesk.content.BuiltInTypes;
import org.rongdesk.content.ContentTypes;
import org.rongdesk.media.HttpTransfers;
import org.rongdesk.store.LocalStore;
import org.rongdesk.threads.NamedThreads;

/**
 * Sends messages: stores each before anything leaves (SENDING), uploads its files with progress,
 * sends the stanza (waiting up to the timeout for a connection that is being made), and marks it SENT once the server confirms ({@link SendConfirmer}) or FAILED
 * on an error, a timeout (3001) or a dropped connection (-2). FAILED messages stay in history and
 * can be sent again with {@link #resend}, under the same origin id so the receiver stores them once.
 *
 * <h2>Threads</h2>
 * Uploads run on two "rongcloud-upload" threads; stanzas go out one at a time, in order, on
 * "rongcloud-send". Listeners are called on those threads.
 */
public final class OutgoingMessages implements AutoCloseable {
    private static final long NOT_WAITING = Long.MIN_VALUE;
    private static final Logger LOG = Logger.getLogger(OutgoingMessages.class.getName());

    private final LocalStore store;
    private final Addresses addresses;
    private final ClientConfig config;
    private final ContentTypes types;
    private final String selfUserId;
    private final Supplier<XMPPTCPConnection> connection;
    private final ServerLink link;
    /** When sends began to wait for a connection (nanoTime), or {@link #NOT_WAITING}. */
    private final AtomicLong waitingSince = new AtomicLong(NOT_WAITING);
    private final RoomHooks rooms;
    private final ScheduledExecutorService timeouts = NamedThreads.scheduled("rongcloud-send-timeouts");
    private final EntityBareJid self;
    private final HttpTransfers http;
    private final SendConfirmer confirmer;
    private final ExecutorService sendThread = NamedThreads.single("rongcloud-send");
    private final ExecutorService uploadThreads = NamedThreads.pool("rongcloud-upload", 2);
    /** Messages sent and not yet confirmed, by origin id. */
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /**
     * Messages out without confirmation at most: a confirming ping waits behind every message
     * sent before it, so an unbounded burst would make a busy server look stalled.
     */
    static final int MAX_IN_FLIGHT = 64;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final ReceiptWatch receipts = new ReceiptWatch();

    /** A message out and not yet confirmed; {@code room} is its room, null for a private message. */
    private record Pending(long messageId, SendListener listener, EntityBareJid room) {
    }

    public OutgoingMessages(LocalStore store, Addresses addresses, ClientConfig config, ContentTypes types, String selfUserId,
            Supplier<XMPPTCPConnection> connection, ServerLink link, RoomHooks rooms, HttpTransfers http) {
        this.store = store;
        this.addresses = addresses;
        this.config = config;
        this.types = types;
        this.selfUserId = selfUserId;
        this.connection = connection;
        this.link = link;
        this.rooms = rooms;
        this.self = addresses.self(selfUserId);
        this.http = http;
        this.confirmer = new SendConfirmer(config.timeout(), link);
    }

    /** Watches a new connection for bounced messages, drops and receipts; acknowledges what it receives. */
    void attach(XMPPTCPConnection newConnection) {
        DeliveryReceiptManager receiptManager = DeliveryReceiptManager.getInstanceFor(newConnection);
        // rongCloud users have no presence subscriptions: receipts go to anyone who asks
        receiptManager.setAutoReceiptMode(DeliveryReceiptManager.AutoReceiptMode.always);
        receiptManager.addReceiptReceivedListener((from, to, receiptId, receipt) -> receipts.receipt(from, receiptId));
        // a room's echo confirms a send: taken here, ahead of the receive queue, so that a backlog of
        // received messages cannot make a delivered message time out (the receive path ignores it then)
        newConnection.addSyncStanzaListener(stanza -> echoed((Message) stanza), MessageTypeFilter.GROUPCHAT);
        newConnection.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                failAllPending("the connection dropped before the server confirmed the message");
            }

            @Override
            public void connectionClosed() {
                failAllPending("the connection was closed before the server confirmed the message");
            }
        });
    }

    /** Stores the request's message (SENDING), tells the listener, then uploads and sends it. */
    void send(SendRequest request, SendListener listener) {
        String originId = UUID.randomUUID().toString();
        StoredMessage message = store.addOutgoing(new NewMessage(request.conversation(), MessageDirection.SEND, selfUserId,
                request.objectName(), request.content(), SentStatus.SENDING, System.currentTimeMillis(), 0,
                uid(originId), false));
        listener.prepared(message);
        dispatch(message, request.uploads(), listener);
    }

    /** Sends a FAILED message again: -10002 when it is no such message of this user's. */
    void resend(long messageId, SendListener listener) throws RongException {
        StoredMessage message = store.message(messageId)
                .orElseThrow(() -> RongException.invalid("messageId: there is no message " + messageId));
        if (message.direction() != MessageDirection.SEND || message.sentStatus() != SentStatus.FAILED) {
            throw RongException.invalid("messageId: message " + messageId + " is not a failed message of yours ("
                    + message.direction() + ", " + message.sentStatus() + ")");
        }
        store.setSentStatus(messageId, SentStatus.SENDING);
        StoredMessage sending = store.message(messageId).orElseThrow();
        listener.prepared(sending);
        dispatch(sending, uploadsStillNeeded(sending), listener);
    }

    /** A message the server bounced: it fails (or, if it was confirmed already, is marked FAILED). */
    void bounced(Message error) {
        String originId = error.getStanzaId();
        if (originId == null) {
            return;
        }
        RongException failure = errorOf(error.getError());
        Pending waiting = take(originId);
        if (waiting != null) {
            fail(waiting.messageId(), waiting.listener(), failure);
            return;
        }
        store.messageIdByUid(uid(originId)).ifPresent(id -> {
            LOG.info(() -> "message " + id + " was bounced after the server took it: " + failure.getMessage());
            store.setSentStatus(id, SentStatus.FAILED);
        });
    }

    /**
     * Stops taking work. Transfers under way are not interrupted (an interrupt inside H2 can
     * close its file); they finish or fail on their own daemon threads.
     */
    @Override
    public void close() {
        uploadThreads.shutdown();
        sendThread.shutdown();
        timeouts.shutdown();
        try {
            sendThread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failAllPending("Rong Desk was closed before the server confirmed the message");
    }

    private void dispatch(StoredMessage message, List<SendRequest.Upload> uploads, SendListener listener) {
        if (uploads.isEmpty()) {
            sendThread.execute(() -> transmit(message.id(), listener));
            return;
        }
        uploadThreads.execute(() -> {
            try {
                JsonObject content = message.content().deepCopy();
                AtomicInteger lastPercent = new AtomicInteger(-1);
                long total = 0;
                for (SendRequest.Upload upload : uploads) {
                    total += Files.size(upload.file());
                }
                long[] before = {0};
                for (SendRequest.Upload upload : uploads) {
                    long allBytes = total;
                    String url = upload(upload, (bytes, size) -> {
                        int percent = (int) Math.min(100, (before[0] + bytes) * 100 / Math.max(1, allBytes));
                        if (lastPercent.getAndSet(percent) != percent) {
                            listener.progress(message.id(), percent);
                        }
                    });
                    before[0] += Files.size(upload.file());
                    content.addProperty(upload.urlField(), url);
                }
                store.setContent(message.id(), content);
                sendThread.execute(() -> transmit(message.id(), listener));
            } catch (RongException e) {
                fail(message.id(), listener, e);
            } catch (IOException | RuntimeException e) {
                fail(message.id(), listener, new RongException(ErrorCode.SEND_FAILED, "uploading the file failed: "
                        + e.getMessage(), e));
            }
        });
    }

    private String upload(SendRequest.Upload upload, HttpTransfers.Progress progress) throws RongException, IOException {
        XMPPTCPConnection current = signedIn();
        Slot slot;
        try {
            slot = HttpFileUploadManager.getInstanceFor(current).requestSlot(upload.file().getFileName().toString(),
                    Files.size(upload.file()), upload.contentType(), JidCreate.domainBareFrom(config.uploadService()));
        } catch (SmackException.NoResponseException e) {
            throw new RongException(ErrorCode.TIMEOUT, "the upload service did not answer within "
                    + config.timeout().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RongException(ErrorCode.SEND_FAILED, "interrupted", e);
        } catch (Exception e) {
            throw new RongException(ErrorCode.SEND_FAILED, "the upload service " + config.uploadService()
                    + " refused the file: " + e.getMessage(), e);
        }
        try {
            http.upload(slot.getPutUrl().toURI(), slot.getHeaders(), upload.file(), upload.contentType(), progress);
            return slot.getGetUrl().toString();
        } catch (URISyntaxException e) {
            throw new RongException(ErrorCode.SEND_FAILED, "the upload service gave a bad URL: " + e.getMessage(), e);
        }
    }

    private void transmit(long messageId, SendListener listener) {
        StoredMessage message = store.message(messageId).orElse(null);
        if (message == null) {
            LOG.info(() -> "message " + messageId + " was deleted before it was sent");
            return;
        }
        try {
            XMPPTCPConnection current = signedIn();
            EntityBareJid to = addresses.recipient(message.conversation());
            boolean room = Addresses.isRoom(message.conversation().type());
            if (room && !rooms.isIn(to)) {
                throw new RongException(ErrorCode.SEND_FAILED, "you are not in " + message.conversation()
                        + ": join it first");
            }
            if (!room && blocked(current, to)) {
                throw new RongException(ErrorCode.IN_BLACKLIST, "you have blocked " + message.conversation().targetId());
            }
            String originId = originId(message);
            Message stanza = stanza(message, to, originId, room ? Message.Type.groupchat : Message.Type.chat);
            if (!inFlight.tryAcquire(config.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new RongException(ErrorCode.TIMEOUT, "the server has not confirmed the " + MAX_IN_FLIGHT
                        + " messages before this one within " + config.timeout().toMillis() + " ms");
            }
            pending.put(originId, new Pending(messageId, listener, room ? to : null));
            if (!room) {
                receipts.sent(originId, messageId, to, current);
            }
            current.sendStanza(stanza);
            if (room) {
                // the room echoes every message to its sender: that echo is the confirmation
                timeouts.schedule(() -> timedOut(originId), config.timeout().toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            confirmer.sent(current).whenComplete((ok, error) -> {
                Pending waiting = take(originId);
                if (waiting == null) {
                    return; // already failed by a bounce or a drop
                }
                if (error == null) {
                    store.setSentStatus(messageId, SentStatus.SENT);
                    listener.sent(messageId);
                } else {
                    fail(messageId, listener, error instanceof SmackException.NoResponseException
                            ? new RongException(ErrorCode.TIMEOUT, "the server did not confirm the message within "
                                    + config.timeout().toMillis() + " ms", error)
                            : new RongException(ErrorCode.SEND_FAILED, "sending failed: " + error.getMessage(), error));
                }
            });
        } catch (RongException e) {
            fail(messageId, listener, e);
        } catch (SmackException.NotConnectedException e) {
            take(originId(message));
            fail(messageId, listener, notConnected());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(messageId, listener, new RongException(ErrorCode.SEND_FAILED, "interrupted", e));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sending message " + messageId + " failed", e);
            fail(messageId, listener, new RongException(ErrorCode.UNKNOWN, String.valueOf(e), e));
        }
    }

    /**
     * After a sign-in: sends again, in their order, the private messages sent on an earlier
     * connection whose addressee has not acknowledged them (see {@link ReceiptWatch}). Nothing changes in the store or for listeners:
     * they were SENT and stay so.
     */
    void sendUnacknowledged(XMPPTCPConnection signedIn) {
        sendThread.execute(() -> {
            for (ReceiptWatch.Watched watched : receipts.unacknowledged(signedIn)) {
                StoredMessage message = store.message(watched.messageId()).orElse(null);
                if (message == null || message.sentStatus() != SentStatus.SENT) {
                    receipts.forget(watched.originId());
                    continue;
                }
                try {
                    signedIn.sendStanza(stanza(message, addresses.recipient(message.conversation()), watched.originId(),
                            Message.Type.chat));
                    LOG.fine(() -> "message " + message.id() + " sent again: its addressee had not acknowledged it");
                } catch (SmackException.NotConnectedException e) {
                    return; // the next sign-in tries again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RongException e) {
                    receipts.forget(watched.originId());
                }
            }
        });
    }

    private void echoed(Message message) {
        OriginIdElement origin = OriginIdElement.getOriginId(message);
        Pending waiting = origin == null ? null : pending.get(origin.getId());
        if (waiting != null && waiting.room() != null && message.getFrom() != null
                && waiting.room().equals(message.getFrom().asBareJid())) {
            try {
                timeouts.execute(() -> reflected(origin.getId()));
            } catch (RejectedExecutionException e) {
                LOG.fine("an echo arrived after the client closed");
            }
        }
    }

    /** A room echoed message {@code uid} back: it is sent. */
    void reflected(String uid) {
        Pending waiting = take(uid.substring(uid.lastIndexOf('/') + 1));
        if (waiting != null) {
            store.setSentStatus(waiting.messageId(), SentStatus.SENT);
            waiting.listener().sent(waiting.messageId());
        }
    }

    private void timedOut(String originId) {
        Pending waiting = take(originId);
        if (waiting != null) {
            fail(waiting.messageId(), waiting.listener(), new RongException(ErrorCode.TIMEOUT,
                    "the room did not confirm the message within " + config.timeout().toMillis() + " ms"));
        }
    }

    private Message stanza(StoredMessage message, EntityBareJid to, String originId, Message.Type type) {
        JsonObject wire = WireContent.toWire(message.objectName(), message.content());
        if (message.objectName().equals(BuiltInTypes.IMAGE)) {
            thumbnail(message.content()).ifPresent(thumb -> wire.addProperty("thumbnail", thumb));
        }
        String summary = types.get(message.objectName()).map(content -> content.summary(wire)).orElse(message.objectName());
        String url = wire.has(WireContent.urlField(message.objectName()))
                ? wire.get(WireContent.urlField(message.objectName())).getAsString() : "";
        MessageBuilder stanza = StanzaBuilder.buildMessage(originId)
                .to(to)
                .ofType(type)
                .setBody(XmlChars.replaceUnsafe(url.isEmpty() ? summary : summary + " " + url))
                .addExtension(RcElement.of(message.objectName(), XmlChars.escapeInJson(wire.toString())))
                .addExtension(new OriginIdElement(originId));
        if (type == Message.Type.chat) {
            DeliveryReceiptRequest.addTo(stanza);
        }
        return stanza.build();
    }

    private static Optional<String> thumbnail(JsonObject content) {
        String path = content.has("thumbPath") ? content.get("thumbPath").getAsString() : "";
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(path))));
        } catch (IOException e) {
            LOG.info(() -> "the thumbnail " + path + " is gone; the image goes without one");
            return Optional.empty();
        }
    }

    private boolean blocked(XMPPTCPConnection current, EntityBareJid to) {
        try {
            return BlockingCommandManager.getInstanceFor(current).getBlockList().contains(to);
        } catch (Exception e) {
            LOG.log(Level.FINE, "no block list from the server", e);
            return false;
        }
    }

    private List<SendRequest.Upload> uploadsStillNeeded(StoredMessage message) {
        String pathField = WireContent.downloadField(message.objectName());
        if (pathField == null) {
            return List.of();
        }
        String urlField = WireContent.urlField(message.objectName());
        JsonObject content = message.content();
        String url = content.has(urlField) ? content.get(urlField).getAsString() : "";
        String path = content.has(pathField) ? content.get(pathField).getAsString() : "";
        if (!url.isEmpty() || path.isEmpty()) {
            return List.of();
        }
        String type = message.objectName().equals(BuiltInTypes.VOICE) ? "audio/wav" : "image/" + extension(path);
        return List.of(new SendRequest.Upload(urlField, Path.of(path), type));
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        String ext = dot > 0 ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "jpeg";
        return ext.equals("jpg") ? "jpeg" : ext;
    }

    /**
     * The signed-in connection; while (re)connecting, waits for it until the configured timeout
     * after the first send began to wait, so a queue of sends during an outage fails within one
     * timeout rather than one timeout each.
     */
    private XMPPTCPConnection signedIn() throws RongException {
        while (true) {
            XMPPTCPConnection current = connection.get();
            if (current != null && current.isAuthenticated()) {
                waitingSince.set(NOT_WAITING);
                return current;
            }
            long now = System.nanoTime();
            waitingSince.compareAndSet(NOT_WAITING, now);
            if (!link.isConnecting() || now - waitingSince.get() > config.timeout().toNanos()) {
                throw notConnected();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw notConnected();
            }
        }
    }

    private static RongException notConnected() {
        return new RongException(ErrorCode.SEND_FAILED,
                "not connected to the server; the message is kept as FAILED and can be sent again");
    }

    /** Removes a message from those waiting for confirmation (null if it was not there) and frees its place. */
    private Pending take(String originId) {
        Pending waiting = pending.remove(originId);
        if (waiting != null) {
            inFlight.release();
        }
        return waiting;
    }

    private void fail(long messageId, SendListener listener, RongException error) {
        store.setSentStatus(messageId, SentStatus.FAILED);
        listener.failed(messageId, error);
    }

    private void failAllPending(String why) {
        for (String originId : List.copyOf(pending.keySet())) {
            Pending waiting = take(originId);
            if (waiting != null) {
                fail(waiting.messageId(), waiting.listener(), new RongException(ErrorCode.SEND_FAILED, why));
            }
        }
    }

    private String uid(String originId) {
        return "o:" + self + "/" + originId;
    }

    private static String originId(StoredMessage message) {
        String uid = message.uid();
        return uid.substring(uid.lastIndexOf('/') + 1);
    }

    /** The spec's code for a stanza error: blocking is 405, a timeout 3001, the rest -2. */
    static RongException errorOf(StanzaError error) {
        if (error == null) {
            return new RongException(ErrorCode.SEND_FAILED, "the server returned the message");
        }
        return switch (error.getCondition()) {
            case not_acceptable, forbidden, not_allowed -> new RongException(ErrorCode.IN_BLACKLIST,
                    "the message was refused (" + error.getCondition() + "): you have blocked the recipient");
            case service_unavailable -> new RongException(ErrorCode.IN_BLACKLIST,
                    "the recipient does not accept your messages (blocked, or no such user)");
            case remote_server_timeout -> new RongException(ErrorCode.TIMEOUT, "the server timed out delivering the message");
            default -> new RongException(ErrorCode.SEND_FAILED, "the server returned the message: " + error.getCondition());
        };
    }
}
