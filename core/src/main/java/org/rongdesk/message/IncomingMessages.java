package org.rongdesk.message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.mam.element.MamElements;
import org.jivesoftware.smackx.offline.packet.OfflineMessageInfo;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.rongdesk.base.NamedThreads;
import org.rongdesk.model.MessageDirection;
import org.rongdesk.model.StoredMessage;
import org.rongdesk.store.LocalStore;

/**
 * Receives chat and room messages: parses them ({@link MessageParser}), stores each once whatever
 * way it came (live, offline storage, an archive, a room's history), and hands the stored ones to
 * the {@link ReceiveListener}.
 *
 * <h2>Catching up</h2>
 * A catch-up runs named stages in order: {@link OfflineCatchUp} holds offline messages back, the
 * user goes online, {@link OfflineCatchUp} fetches them, {@link ArchiveCatchUp} reads the user's
 * archive and then each room's, {@link Arrivals} stores and delivers. In words: after signing in it asks the server how many messages wait in offline storage, which also
 * tells ejabberd not to push them at presence (XEP-0013); goes online; fetches exactly those
 * messages and removes them (accepting the room invitations among them); reads the user's
 * archive (XEP-0313) after the last position this client stored; enters the user's rooms again
 * and reads each room's archive after its position. It stores all that and delivers the new
 * messages oldest first with {@code left} counting down to 0. Positions are committed with the
 * messages they follow, so a crash before a commit means the messages are fetched again, and the
 * uid index means nothing is stored twice. The first time this client meets an archive it only
 * notes where the archive ends: history from before is not imported (an invitation's room is read
 * from the invitation on).
 *
 * <h2>Threads</h2>
 * Everything runs on one "rongcloud-receive" thread, so live messages wait while a catch-up runs
 * and arrive in order.
 */
public final class IncomingMessages implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(IncomingMessages.class.getName());
    /** How long after catching up offline storage is looked at once more. */
    private static final long OFFLINE_RECHECK_MS = 1_500;

    private final MessageParser parser;
    private final BareJid self;
    private final Consumer<Message> bounced;
    private final Consumer<String> reflected;
    private final Consumer<Message> chatStates;
    private final RoomHooks rooms;
    private final ExecutorService thread = NamedThreads.single("rongcloud-receive");
    private volatile boolean closing;
    private volatile XMPPTCPConnection connection;
    private final Arrivals arrivals;
    private final ArchiveCatchUp archive;
    private final Invitations invitations;
    private final OfflineCatchUp offline;
    private final RoomHistories histories;
    private final LostRooms lostRooms;

    /**
     * @param bounced    hears messages the server returned
     * @param reflected  hears the uid of an own room message the room echoed
     * @param chatStates hears every live chat message first (typing notices)
     * @param roomCheck  how long a room may be silent before it is asked whether it still knows the user
     */
    IncomingMessages(LocalStore store, MessageParser parser, MediaDir media, BareJid self, Consumer<Message> bounced,
            Consumer<String> reflected, Consumer<Message> chatStates, RoomHooks rooms, Duration roomCheck) {
        this.parser = parser;
        this.self = self;
        this.bounced = bounced;
        this.reflected = reflected;
        this.chatStates = chatStates;
        this.rooms = rooms;
        this.arrivals = new Arrivals(store, media);
        this.archive = new ArchiveCatchUp(store, parser, arrivals, self);
        this.invitations = new Invitations(rooms, archive, () -> connection);
        this.offline = new OfflineCatchUp(parser, arrivals, invitations);
        this.histories = new RoomHistories(arrivals);
        this.lostRooms = new LostRooms(rooms, archive, arrivals, thread, roomCheck);
    }

    /** Sets the one listener of received messages (replacing the previous one). */
    public void setListener(ReceiveListener listener) {
        arrivals.setListener(listener);
    }

    /** Sets the one listener of recalls and corrections (replacing the previous one). */
    public void setRevisionListener(RevisionListener listener) {
        arrivals.setRevisionListener(listener);
    }

    /** Adds an internal observer of every received message stored (called before the listener). */
    public void addObserver(Consumer<StoredMessage> observer) {
        arrivals.addObserver(observer);
    }

    /**
     * Listens for live messages on a new connection. A synchronous listener: Smack calls those
     * one at a time in arrival order (async ones run in parallel and reorder), and it only queues.
     */
    void attach(XMPPTCPConnection newConnection) {
        connection = newConnection;
        lostRooms.attach(newConnection);
        newConnection.addSyncStanzaListener(stanza -> onWorker(() -> live((Message) stanza)), StanzaTypeFilter.MESSAGE);
    }

    /**
     * Catches up (see the class comment), running {@code goOnline} once offline messages are held
     * back; completes when the new messages have been delivered.
     */
    CompletableFuture<Void> catchUp(XMPPTCPConnection connection, Runnable goOnline) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        onWorker(() -> {
            try {
                List<StoredMessage> added = new ArrayList<>();
                boolean held = offline.hold(connection);
                goOnline.run();
                if (held) {
                    added.addAll(offline.fetch(connection));
                }
                added.addAll(archive.read(connection, self, null));
                for (Map.Entry<EntityBareJid, Date> room : rooms.reenter().entrySet()) {
                    added.addAll(archive.read(connection, room.getKey(), room.getValue()));
                }
                arrivals.deliver(added);
                if (held) {
                    recheckOfflineLater(connection);
                }
            } finally {
                done.complete(null);
            }
        });
        return done;
    }

    /**
     * ejabberd stores a message for an offline user a moment after the sender's server took it;
     * one sent just before this sign-in can land in offline storage after the count was asked and
     * would then wait there until the next sign-in. A second look shortly after fetches it.
     */
    private void recheckOfflineLater(XMPPTCPConnection asked) {
        CompletableFuture.runAsync(() -> onWorker(() -> {
            if (asked == connection && asked.isAuthenticated() && offline.waiting(asked) > 0) {
                arrivals.deliver(offline.fetch(asked));
            }
        }), CompletableFuture.delayedExecutor(OFFLINE_RECHECK_MS, TimeUnit.MILLISECONDS));
    }

    /**
     * Gets ready for the history a chat room sends when entered ({@link RoomHistories}); the
     * future completes once it has been delivered.
     */
    public CompletableFuture<Void> expectHistory(BareJid room) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        onWorker(() -> histories.expect(room, done));
        return done;
    }

    /**
     * Notes where {@code room}'s archive ends, for a room just entered for the first time: from
     * here on, catching up reads what this client missed. Runs on the receive thread; the future
     * completes when done.
     */
    public CompletableFuture<Void> startArchive(BareJid room) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        onWorker(() -> {
            try {
                XMPPTCPConnection current = connection;
                if (current != null && !archive.knows(room)) {
                    archive.read(current, room, null);
                }
            } finally {
                done.complete(null);
            }
        });
        return done;
    }

    /** Delivers whatever history of {@code room} came so far (when its subject never comes). */
    public void endHistory(BareJid room) {
        onWorker(() -> histories.end(room));
    }

    /**
     * Enters {@code room} again, which forgot the user (its cluster node went down), and catches
     * up from its archive; completes with whether the user is in it again.
     */
    CompletableFuture<Boolean> recoverRoom(EntityBareJid room) {
        return lostRooms.recover(room);
    }

    @Override
    public void close() {
        closing = true;
        lostRooms.close();
        thread.shutdown();
        try {
            // a moment for the message being stored; a catch-up blocked on a dropped connection is
            // left to time out on its own (interrupting it could break the store file)
            thread.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void live(Message message) {
        if (message.getType() == Message.Type.error) {
            bounced.accept(message);
            return;
        }
        if (fromCatchUp(message)) {
            return; // fetched by a catch-up, which handles it
        }
        chatStates.accept(message);
        if (Invitations.roomOf(message).isPresent()) {
            arrivals.deliver(invitations.accept(message));
            return;
        }
        if (message.getType() == Message.Type.groupchat) {
            roomMessage(message);
            return;
        }
        StanzaIdElement stanzaId = StanzaIdElement.getStanzaId(message);
        Map<String, String> position = stanzaId != null && self.toString().equals(stanzaId.getBy())
                ? Map.of(ArchiveCatchUp.key(self), stanzaId.getId()) : Map.of();
        arrivals.storeAndDeliver(parser.parse(message, Route.LIVE, null, null).map(List::of).orElse(List.of()), position);
    }

    /**
     * Whether a catch-up asked for {@code message}: an offline message fetched by its node, or an
     * archive result from this user's or a room's archive. A peer can add either element to its own
     * message; without a node, or from the peer itself, it is an ordinary message.
     */
    private boolean fromCatchUp(Message message) {
        OfflineMessageInfo offline = message.getExtension(OfflineMessageInfo.class);
        if (offline != null && offline.getNode() != null) {
            return true;
        }
        BareJid from = message.getFrom() == null ? null : message.getFrom().asBareJid();
        EntityBareJid room = from == null ? null : from.asEntityBareJidIfPossible();
        return message.hasExtension(MamElements.MamResultExtension.ELEMENT, MamElements.NAMESPACE)
                && (from == null || from.equals(self) || room != null && rooms.isIn(room));
    }

    private void roomMessage(Message message) {
        BareJid room = message.getFrom() == null ? null : message.getFrom().asBareJid();
        if (room != null && room.asEntityBareJidIfPossible() != null) {
            rooms.dropQueued(room.asEntityBareJidIfPossible());
            lostRooms.heard(room.asEntityBareJidIfPossible());
        }
        if (message.getSubject() != null && message.getBody() == null && RcElement.from(message) == null) {
            if (room != null && room.asEntityBareJidIfPossible() != null) {
                rooms.subjectChanged(room.asEntityBareJidIfPossible(), message.getSubject());
            }
            histories.end(room); // the subject ends a room's history
            return;
        }
        boolean fromHistory = histories.collecting(room) && DelayInformation.from(message) != null;
        Optional<ParsedMessage> parsed = parser.parse(message, fromHistory ? Route.ROOM_HISTORY : Route.LIVE, null, null);
        if (parsed.isEmpty()) {
            return;
        }
        if (parsed.get().direction() == MessageDirection.SEND && parsed.get().uid() != null) {
            reflected.accept(parsed.get().uid());
        }
        if (fromHistory) {
            histories.add(room, parsed.get());
            return;
        }
        StanzaIdElement stanzaId = StanzaIdElement.getStanzaId(message);
        Map<String, String> position = stanzaId != null && room != null && room.toString().equals(stanzaId.getBy())
                && archive.knows(room) ? Map.of(ArchiveCatchUp.key(room), stanzaId.getId()) : Map.of();
        arrivals.storeAndDeliver(List.of(parsed.get()), position);
    }

    private void onWorker(Runnable work) {
        try {
            thread.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    if (closing) {
                        // the store is closed under the backlog; its archive position did not move, so
                        // the next sign-in fetches these messages again
                        LOG.log(Level.FINE, "a received message was left unstored by closing", e);
                    } else {
                        LOG.log(Level.WARNING, "handling a received message failed; receiving goes on", e);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.fine("a message arrived after the client closed");
        }
    }
}
