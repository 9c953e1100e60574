package org.rongdesk.message;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.forward.packet.Forwarded;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.mam.element.MamElements;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jivesoftware.smackx.offline.OfflineMessageManager;
import org.jivesoftware.smackx.offline.packet.OfflineMessageInfo;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.rongdesk.store.LocalStore;
import org.rongdesk.threads.NamedThreads;

/**
 * Receives chat and room messages: parses them ({@link MessageParser}), stores each once whatever
 * way it came (live, offline storage, an archive, a room's history), and hands the stored ones to
 * the {@link ReceiveListener}.
 *
 * <h2>Catching up</h2>
 * After signing in it asks the server how many messages wait in offline storage, which also
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
    private static final int ARCHIVE_PAGE = 100;
    /** How long after catching up offline storage is looked at once more. */
    private static final long OFFLINE_RECHECK_MS = 1_500;

    private final LocalStore store;
    private final MessageParser parser;
    private final MediaDir media;
    private final BareJid self;
    private final Consumer<Message> bounced;
    private final Consumer<String> reflected;
    private final RoomHooks rooms;
    private final ExecutorService thread = NamedThreads.single("rongcloud-receive");
    private volatile boolean closing;
    private final List<Consumer<StoredMessage>> observers = new CopyOnWriteArrayList<>();
    /** Chat rooms being entered, with the history they have sent so far (receive thread only). */
    private final Map<BareJid, RoomHistory> histories = new HashMap<>();
    private volatile ReceiveListener listener = (message, left) -> { };
    private volatile XMPPTCPConnection connection;

    private record RoomHistory(List<ParsedMessage> messages, CompletableFuture<Void> done) {
    }

    IncomingMessages(LocalStore store, MessageParser parser, MediaDir media, BareJid self, Consumer<Message> bounced,
            Consumer<String> reflected, RoomHooks rooms) {
        this.store = store;
        this.parser = parser;
        this.media = media;
        this.self = self;
        this.bounced = bounced;
        this.reflected = reflected;
        this.rooms = rooms;
    }

    /** Sets the one listener of received messages (replacing the previous one). */
    public void setListener(ReceiveListener listener) {
        this.listener = listener;
    }

    /** Adds an internal observer of every received message stored (called before the listener). */
    public void addObserver(Consumer<StoredMessage> observer) {
        observers.add(observer);
    }

    /**
     * Listens for live messages on a new connection. A synchronous listener: Smack calls those
     * one at a time in arrival order (async ones run in parallel and reorder), and it only queues.
     */
    void attach(XMPPTCPConnection newConnection) {
        connection = newConnection;
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
                boolean flexible = holdOfflineMessages(connection);
                goOnline.run();
                if (flexible) {
                    added.addAll(fromOfflineStorage(connection));
                }
                added.addAll(fromArchive(connection, self, null));
                for (EntityBareJid room : rooms.reenter()) {
                    added.addAll(fromArchive(connection, room, null));
                }
                deliver(added);
                if (flexible) {
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
            if (asked == connection && asked.isAuthenticated() && waitingOffline(asked) > 0) {
                deliver(fromOfflineStorage(asked));
            }
        }), CompletableFuture.delayedExecutor(OFFLINE_RECHECK_MS, TimeUnit.MILLISECONDS));
    }

    private int waitingOffline(XMPPTCPConnection current) {
        try {
            return OfflineMessageManager.getInstanceFor(current).getMessageCount();
        } catch (Exception e) {
            LOG.log(level(current, e), "asking for offline messages again failed", e);
            return 0;
        }
    }

    /**
     * Gets ready for the history a chat room sends when entered: it is collected until the room's
     * subject (which ends it), then stored and delivered with {@code left} counting down. The
     * future completes then.
     */
    public CompletableFuture<Void> expectHistory(BareJid room) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        onWorker(() -> histories.put(room, new RoomHistory(new ArrayList<>(), done)));
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
                if (current != null && store.syncPosition(archiveKey(room)).isEmpty()) {
                    fromArchive(current, room, null);
                }
            } finally {
                done.complete(null);
            }
        });
        return done;
    }

    /** Delivers whatever history of {@code room} came so far (when its subject never comes). */
    public void endHistory(BareJid room) {
        onWorker(() -> flushHistory(room));
    }

    @Override
    public void close() {
        closing = true;
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
        Optional<EntityBareJid> invitedTo = invitation(message);
        if (invitedTo.isPresent()) {
            deliver(accept(message, invitedTo.get(), null));
            return;
        }
        if (message.getType() == Message.Type.groupchat) {
            roomMessage(message);
            return;
        }
        StanzaIdElement stanzaId = StanzaIdElement.getStanzaId(message);
        Map<String, String> position = stanzaId != null && self.toString().equals(stanzaId.getBy())
                ? Map.of(archiveKey(self), stanzaId.getId()) : Map.of();
        deliver(store(parser.parse(message, Route.LIVE, null, null).map(List::of).orElse(List.of()), position));
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
        }
        if (message.getSubject() != null && message.getBody() == null && RcElement.from(message) == null) {
            if (room != null && room.asEntityBareJidIfPossible() != null) {
                rooms.subjectChanged(room.asEntityBareJidIfPossible(), message.getSubject());
            }
            flushHistory(room); // the subject ends a room's history
            return;
        }
        RoomHistory history = histories.get(room);
        boolean fromHistory = history != null && DelayInformation.from(message) != null;
        Optional<ParsedMessage> parsed = parser.parse(message, fromHistory ? Route.ROOM_HISTORY : Route.LIVE, null, null);
        if (parsed.isEmpty()) {
            return;
        }
        if (parsed.get().direction() == MessageDirection.SEND && parsed.get().uid() != null) {
            reflected.accept(parsed.get().uid());
        }
        if (fromHistory) {
            history.messages().add(parsed.get());
            return;
        }
        StanzaIdElement stanzaId = StanzaIdElement.getStanzaId(message);
        Map<String, String> position = stanzaId != null && room != null && room.toString().equals(stanzaId.getBy())
                && store.syncPosition(archiveKey(room)).isPresent() ? Map.of(archiveKey(room), stanzaId.getId()) : Map.of();
        deliver(store(List.of(parsed.get()), position));
    }

    private void flushHistory(BareJid room) {
        RoomHistory history = histories.remove(room);
        if (history != null) {
            deliver(store(history.messages(), Map.of()));
            history.done().complete(null);
        }
    }

    /** A mediated room invitation (XEP-0045), if {@code message} is one. */
    private static Optional<EntityBareJid> invitation(Message message) {
        MUCUser user = MUCUser.from(message);
        if (user == null || user.getInvite() == null || message.getFrom() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(message.getFrom().asEntityBareJidIfPossible());
    }

    /** Accepts an invitation and reads the room's archive from the invitation's time on. */
    private List<StoredMessage> accept(Message invite, EntityBareJid room, Date sent) {
        BareJid inviter = MUCUser.from(invite).getInvite().getFrom() == null ? null
                : MUCUser.from(invite).getInvite().getFrom().asBareJid();
        Optional<EntityBareJid> accepted = rooms.accept(room, inviter);
        if (accepted.isEmpty()) {
            return List.of();
        }
        Date since = sent != null ? sent : Optional.ofNullable(DelayInformation.from(invite)).map(DelayInformation::getStamp)
                .orElse(new Date(System.currentTimeMillis() - 60_000));
        XMPPTCPConnection current = connection;
        return current == null ? List.of() : fromArchive(current, room, since);
    }

    /** Whether the server keeps offline messages for a fetch (asking their count makes ejabberd hold them). */
    private boolean holdOfflineMessages(XMPPTCPConnection connection) {
        try {
            OfflineMessageManager offline = OfflineMessageManager.getInstanceFor(connection);
            if (!offline.supportsFlexibleRetrieval()) {
                return false;
            }
            int count = offline.getMessageCount();
            LOG.fine(() -> count + " message(s) wait in offline storage");
            return true;
        } catch (Exception e) {
            LOG.log(level(connection, e), "asking for offline messages failed; they arrive after presence instead", e);
            return false;
        }
    }

    private List<StoredMessage> fromOfflineStorage(XMPPTCPConnection connection) {
        try {
            OfflineMessageManager offline = OfflineMessageManager.getInstanceFor(connection);
            List<Message> waiting = offline.getMessages();
            List<ParsedMessage> parsed = new ArrayList<>();
            List<String> nodes = new ArrayList<>();
            List<Message> invites = new ArrayList<>();
            for (Message message : waiting) {
                OfflineMessageInfo info = message.getExtension(OfflineMessageInfo.class);
                if (info != null && info.getNode() != null) {
                    nodes.add(info.getNode());
                }
                if (invitation(message).isPresent()) {
                    invites.add(message);
                    continue;
                }
                parser.parse(message, Route.OFFLINE, null, null).ifPresent(parsed::add);
            }
            List<StoredMessage> added = new ArrayList<>(store(parsed, Map.of()));
            for (Message invite : invites) {
                added.addAll(accept(invite, invitation(invite).orElseThrow(), null));
            }
            if (!nodes.isEmpty()) {
                offline.deleteMessages(nodes);
            }
            LOG.fine(() -> waiting.size() + " offline message(s), " + added.size() + " new");
            return added;
        } catch (Exception e) {
            LOG.log(level(connection, e), "fetching offline messages failed; they arrive after presence instead", e);
            return List.of();
        }
    }

    /**
     * Reads the archive of {@code owner} (this user, or a room) after the stored position; with
     * no position, from {@code since} when given, else only notes where the archive ends.
     */
    private List<StoredMessage> fromArchive(XMPPTCPConnection connection, BareJid owner, Date since) {
        try {
            MamManager archive = owner.equals(self) ? MamManager.getInstanceFor(connection)
                    : MamManager.getInstanceFor(connection, owner);
            if (!archive.isSupported()) {
                return List.of();
            }
            String position = store.syncPosition(archiveKey(owner)).orElse(null);
            MamManager.MamQueryArgs.Builder query = MamManager.MamQueryArgs.builder().setResultPageSizeTo(ARCHIVE_PAGE);
            if (position != null && !position.isEmpty()) {
                query.afterUid(position);
            } else if (position == null && since != null) {
                query.limitResultsSince(since);
            } else if (position == null) {
                String latest = archive.getMessageUidOfLatestMessage();
                store.setSyncPosition(archiveKey(owner), latest == null ? "" : latest);
                return List.of();
            } // else "": the archive was empty when first met, so all of it is new
            List<StoredMessage> added = new ArrayList<>();
            MamManager.MamQuery pages = archive.queryArchive(query.build());
            while (true) {
                added.addAll(storePage(owner, pages.getPage()));
                if (pages.isComplete() || pages.getMessageCount() == 0) {
                    break;
                }
                pages.pageNext(ARCHIVE_PAGE);
            }
            return added;
        } catch (Exception e) {
            LOG.log(level(connection, e), "catching up from the archive of " + owner
                    + " failed; it is tried again at the next sign-in", e);
            return List.of();
        }
    }

    private List<StoredMessage> storePage(BareJid owner, MamManager.MamQueryPage page) {
        List<ParsedMessage> parsed = new ArrayList<>();
        String last = null;
        List<Forwarded<Message>> forwarded = page.getForwarded();
        List<MamElements.MamResultExtension> results = page.getMamResultExtensions();
        for (int i = 0; i < forwarded.size(); i++) {
            String archiveId = results.get(i).getId();
            last = archiveId;
            DelayInformation delay = forwarded.get(i).getDelayInformation();
            Date archived = delay == null ? null : delay.getStamp();
            Message message = forwarded.get(i).getForwardedStanza();
            if (message.getType() == Message.Type.groupchat && message.getFrom() == null) {
                continue;
            }
            parser.parse(message, Route.ARCHIVE, archived, archiveId).ifPresent(parsed::add);
        }
        return store(parsed, last == null ? Map.of() : Map.of(archiveKey(owner), last));
    }

    /**
     * Stores what is new; returns the stored messages, then those of types that are delivered
     * without being kept (with message id 0).
     */
    private List<StoredMessage> store(List<ParsedMessage> parsed, Map<String, String> positions) {
        List<NewMessage> batch = new ArrayList<>(parsed.size());
        List<StoredMessage> transientMessages = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (ParsedMessage message : parsed) {
            if (!message.persisted()) {
                transientMessages.add(new StoredMessage(0, message.conversation(), message.direction(), message.senderUserId(),
                        message.objectName(), message.content(), SentStatus.SENT, 0, message.sentTime(), now, "", message.uid()));
                continue;
            }
            JsonObject content = message.content();
            // the store skips known uids itself; asking first only saves writing a thumbnail file for nothing
            if (message.thumbnail() != null && (message.uid() == null || !store.knows(message.uid()))) {
                try {
                    content = content.deepCopy();
                    content.addProperty("thumbPath", media.write("thumb", "jpg", message.thumbnail()).toString());
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "could not keep a received thumbnail", e);
                }
            }
            batch.add(new NewMessage(message.conversation(), message.direction(), message.senderUserId(),
                    message.objectName(), content, SentStatus.SENT, message.sentTime(),
                    message.direction() == MessageDirection.RECEIVE ? now : 0, message.uid(), message.counted()));
        }
        List<StoredMessage> result = new ArrayList<>();
        if (!batch.isEmpty() || !positions.isEmpty()) {
            result.addAll(store.addIncoming(batch, positions));
        }
        result.addAll(transientMessages);
        return result;
    }

    private void deliver(List<StoredMessage> added) {
        List<StoredMessage> received = added.stream().filter(m -> m.direction() == MessageDirection.RECEIVE).toList();
        for (int i = 0; i < received.size(); i++) {
            StoredMessage message = received.get(i);
            for (Consumer<StoredMessage> observer : observers) {
                observer.accept(message);
            }
            listener.received(message, received.size() - 1 - i);
        }
    }

    /** A catch-up cut short by a disconnect is routine; anything else is worth a warning. */
    private static Level level(XMPPTCPConnection connection, Exception e) {
        return !connection.isConnected() || e instanceof SmackException.NotConnectedException ? Level.FINE : Level.WARNING;
    }

    private static String archiveKey(BareJid owner) {
        return "mam:" + owner;
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
