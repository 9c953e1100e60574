package org.rongdesk.message;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.blocking.BlockingCommandManager;
import org.jivesoftware.smackx.receipts.DeliveryReceiptManager;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jxmpp.jid.EntityBareJid;
import org.rongdesk.base.ErrorCode;
import org.rongdesk.base.NamedThreads;
import org.rongdesk.base.RongException;
import org.rongdesk.config.ClientConfig;
import org.rongdesk.connection.ServerLink;
import org.rongdesk.content.ContentTypes;
import org.rongdesk.media.HttpTransfers;
import org.rongdesk.model.MessageDirection;
import org.rongdesk.model.NewMessage;
import org.rongdesk.model.SentStatus;
import org.rongdesk.model.StoredMessage;
import org.rongdesk.store.LocalStore;

/**
 * Sends messages: stores each before anything leaves (SENDING), uploads its files with progress
 * ({@link Uploads}), sends its stanza ({@link StanzaWriter}; waiting up to the timeout for a
 * connection that is being made, {@link ConnectionWait}), keeps it among the {@link PendingSends}
 * and marks it SENT once the server confirms ({@link SendConfirmer}) or FAILED
 * on an error, a timeout (3001) or a dropped connection (-2). FAILED messages stay in history and
 * can be sent again with {@link #resend}, under the same origin id so the receiver stores them once.
 *
 * <h2>Threads</h2>
 * Uploads run on two "rongcloud-upload" threads; stanzas go out one at a time, in order, on
 * "rongcloud-send". Listeners are called on those threads.
 */
public final class OutgoingMessages implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OutgoingMessages.class.getName());

    private final LocalStore store;
    private final Addresses addresses;
    private final ClientConfig config;
    private final String selfUserId;
    private final RoomHooks rooms;
    private final ScheduledExecutorService timeouts = NamedThreads.scheduled("rongcloud-send-timeouts");
    private final EntityBareJid self;
    private final SendConfirmer confirmer;
    private final ExecutorService sendThread = NamedThreads.single("rongcloud-send");
    private final ConnectionWait connection;
    private final Uploads uploads;
    private final StanzaWriter stanzas;
    private final PendingSends pending = new PendingSends();
    /** Hears each private message going out (typing stops with it). */
    private final Consumer<EntityBareJid> sentTo;
    private final ReceiptWatch receipts = new ReceiptWatch();
    /** Enters a room again that forgot the user; completes with whether they are in it again. */
    private final Function<EntityBareJid, CompletableFuture<Boolean>> recoverRoom;

    public OutgoingMessages(LocalStore store, Addresses addresses, ClientConfig config, ContentTypes types, String selfUserId,
            Supplier<XMPPTCPConnection> connection, ServerLink link, RoomHooks rooms, HttpTransfers http,
            Consumer<EntityBareJid> sentTo, Function<EntityBareJid, CompletableFuture<Boolean>> recoverRoom) {
        this.store = store;
        this.recoverRoom = recoverRoom;
        this.addresses = addresses;
        this.config = config;
        this.selfUserId = selfUserId;
        this.rooms = rooms;
        this.self = addresses.self(selfUserId);
        this.confirmer = new SendConfirmer(config.timeout(), link);
        this.connection = new ConnectionWait(connection, link, config.timeout());
        this.uploads = new Uploads(store, config, http, this.connection);
        this.stanzas = new StanzaWriter(types);
        this.sentTo = sentTo;
        long every = ReceiptWatch.LATE.toMillis() / 3;
        timeouts.scheduleWithFixedDelay(() -> sendThread.execute(this::sendLate), every, every, TimeUnit.MILLISECONDS);
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
        dispatch(sending, Uploads.stillNeeded(sending), listener);
    }

    /** A message the server bounced: it fails (or, if it was confirmed already, is marked FAILED). */
    void bounced(Message error) {
        String originId = error.getStanzaId();
        if (originId == null) {
            return;
        }
        RongException failure = errorOf(error.getError());
        PendingSends.Pending waiting = pending.take(originId);
        if (waiting != null && forgotten(waiting, error)) {
            LOG.info(() -> waiting.room() + " refused message " + waiting.messageId()
                    + " as not an occupant's: entering it again to send the message again");
            recoverRoom.apply(waiting.room()).whenComplete((entered, e) -> {
                if (Boolean.TRUE.equals(entered)) {
                    sendThread.execute(() -> transmit(waiting.messageId(), waiting.listener(), true));
                } else {
                    fail(waiting.messageId(), waiting.listener(), failure);
                }
            });
            return;
        }
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
        uploads.close();
        sendThread.shutdown();
        timeouts.shutdown();
        try {
            sendThread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failAllPending("Rong Desk was closed before the server confirmed the message");
    }

    private void dispatch(StoredMessage message, List<SendRequest.Upload> files, SendListener listener) {
        Runnable transmit = () -> sendThread.execute(() -> transmit(message.id(), listener, false));
        if (files.isEmpty()) {
            transmit.run();
        } else {
            uploads.upload(message, files, listener, transmit, error -> fail(message.id(), listener, error));
        }
    }

    /** @param again whether this is the second time out, after the room had forgotten the user */
    private void transmit(long messageId, SendListener listener, boolean again) {
        StoredMessage message = store.message(messageId).orElse(null);
        if (message == null) {
            LOG.info(() -> "message " + messageId + " was deleted before it was sent");
            return;
        }
        try {
            XMPPTCPConnection current = connection.signedIn();
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
            Message stanza = stanzas.write(message, to, originId, room ? Message.Type.groupchat : Message.Type.chat);
            if (!pending.reserve(config.timeout())) {
                throw new RongException(ErrorCode.TIMEOUT, "the server has not confirmed the " + PendingSends.MAX_IN_FLIGHT
                        + " messages before this one within " + config.timeout().toMillis() + " ms");
            }
            PendingSends.Pending out = new PendingSends.Pending(messageId, listener, room ? to : null, again);
            pending.add(originId, out);
            if (!room) {
                receipts.sent(originId, messageId, to, current);
            }
            current.sendStanza(stanza);
            if (!room) {
                sentTo.accept(to);
            }
            if (room) {
                // the room echoes every message to its sender: that echo is the confirmation
                timeouts.schedule(() -> timedOut(originId, out), config.timeout().toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            confirmer.sent(current).whenComplete((ok, error) -> {
                PendingSends.Pending waiting = pending.take(originId);
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
            pending.take(originId(message));
            fail(messageId, listener, ConnectionWait.notConnected());
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
        sendThread.execute(() -> sendAgain(signedIn, receipts.unacknowledged(signedIn), "its addressee had not acknowledged it"));
    }

    /** Sends again, once, what waited too long for its receipt on the current connection. */
    private void sendLate() {
        XMPPTCPConnection current = connection.current();
        if (current != null && current.isAuthenticated()) {
            sendAgain(current, receipts.late(current), "no receipt came within " + ReceiptWatch.LATE.toSeconds() + " s");
        }
    }

    private void sendAgain(XMPPTCPConnection signedIn, List<ReceiptWatch.Watched> due, String why) {
        for (ReceiptWatch.Watched watched : due) {
            StoredMessage message = store.message(watched.messageId()).orElse(null);
            if (message == null || message.sentStatus() != SentStatus.SENT) {
                receipts.forget(watched.originId());
                continue;
            }
            try {
                signedIn.sendStanza(stanzas.write(message, addresses.recipient(message.conversation()), watched.originId(),
                        Message.Type.chat));
                LOG.fine(() -> "message " + message.id() + " sent again: " + why);
            } catch (SmackException.NotConnectedException e) {
                return; // the next sign-in tries again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RongException e) {
                receipts.forget(watched.originId());
            }
        }
    }

    private void echoed(Message message) {
        OriginIdElement origin = OriginIdElement.getOriginId(message);
        PendingSends.Pending waiting = origin == null ? null : pending.peek(origin.getId());
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
        PendingSends.Pending waiting = pending.take(uid.substring(uid.lastIndexOf('/') + 1));
        if (waiting != null) {
            store.setSentStatus(waiting.messageId(), SentStatus.SENT);
            waiting.listener().sent(waiting.messageId());
        }
    }

    private void timedOut(String originId, PendingSends.Pending waiting) {
        if (pending.take(originId, waiting)) {
            fail(waiting.messageId(), waiting.listener(), new RongException(ErrorCode.TIMEOUT,
                    "the room did not confirm the message within " + config.timeout().toMillis() + " ms"));
        }
    }

    /**
     * Whether the room returned a message of the user's because it no longer counts them among its
     * occupants (ejabberd: not-acceptable, "Only occupants are allowed to send messages to the
     * conference"; item-not-found before anyone entered it again): it was lost with its cluster node.
     * Only once a message: refused again, it fails.
     */
    private static boolean forgotten(PendingSends.Pending waiting, Message error) {
        if (waiting.room() == null || waiting.again() || error.getError() == null || error.getFrom() == null
                || !waiting.room().equals(error.getFrom().asBareJid())) {
            return false;
        }
        StanzaError.Condition condition = error.getError().getCondition();
        return condition == StanzaError.Condition.not_acceptable || condition == StanzaError.Condition.item_not_found;
    }

    private boolean blocked(XMPPTCPConnection current, EntityBareJid to) {
        try {
            return BlockingCommandManager.getInstanceFor(current).getBlockList().contains(to);
        } catch (Exception e) {
            LOG.log(Level.FINE, "no block list from the server", e);
            return false;
        }
    }

    private void fail(long messageId, SendListener listener, RongException error) {
        store.setSentStatus(messageId, SentStatus.FAILED);
        listener.failed(messageId, error);
    }

    private void failAllPending(String why) {
        for (PendingSends.Pending waiting : pending.takeAll()) {
            fail(waiting.messageId(), waiting.listener(), new RongException(ErrorCode.SEND_FAILED, why));
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
