package org.rongdesk.message;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
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
import org.jivesoftware.smackx.forward.packet.Forwarded;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.mam.element.MamElements;
import org.jivesoftware.smackx.offline.OfflineMessageManager;
import org.jivesoftware.smackx.offline.packet.OfflineMessageInfo;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
import org.jxmpp.jid.BareJid;
import org.rongdesk.store.LocalStore;
import org.rongdesk.threads.NamedThreads;

/**
 * Receives one-to-one messages: parses them ({@link MessageParser}), stores each once whatever
 * way it came (live, offline storage, the server archive), and hands the stored ones to the
 * {@link ReceiveListener}.
 *
 * <h2>Catching up</h2>
 * After signing in it asks the server how many messages wait in offline storage, which also
 * tells ejabberd not to push them at presence (XEP-0013); goes online; fetches exactly those
 * messages and removes them; then fetches the archive (XEP-0313) after the last position this
 * client stored. It stores them and delivers the new ones oldest first with {@code left}
 * counting down to 0. Positions are committed with the
 * messages they follow, so a crash before a commit means the messages are fetched again, and the
 * uid index means nothing is stored twice. On a client's first sign-in it only notes where the
 * archive ends: history from before is not imported.
 *
 * <h2>Threads</h2>
 * Everything runs on one "rongcloud-receive" thread, so live messages wait while a catch-up runs
 * and arrive in order.
 */
public final class IncomingMessages implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(IncomingMessages.class.getName());
    private static final int ARCHIVE_PAGE = 100;

    private final LocalStore store;
    private final MessageParser parser;
    private final MediaDir media;
    private final BareJid self;
    private final Consumer<Message> bounced;
    private final ExecutorService thread = NamedThreads.single("rongcloud-receive");
    private volatile ReceiveListener listener = (message, left) -> { };

    IncomingMessages(LocalStore store, MessageParser parser, MediaDir media, BareJid self, Consumer<Message> bounced) {
        this.store = store;
        this.parser = parser;
        this.media = media;
        this.self = self;
        this.bounced = bounced;
    }

    /** Sets the one listener of received messages (replacing the previous one). */
    public void setListener(ReceiveListener listener) {
        this.listener = listener;
    }

    /**
     * Listens for live messages on a new connection. A synchronous listener: Smack calls those
     * one at a time in arrival order (async ones run in parallel and reorder), and it only queues.
     */
    void attach(XMPPTCPConnection connection) {
        connection.addSyncStanzaListener(stanza -> onWorker(() -> live((Message) stanza)), StanzaTypeFilter.MESSAGE);
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
                added.addAll(fromArchive(connection));
                deliver(added);
            } finally {
                done.complete(null);
            }
        });
        return done;
    }

    /**
     * Stops receiving. Waits a moment for the message being stored; a catch-up blocked on a
     * dropped connection is left to time out on its own (interrupting it could break the store file).
     */
    @Override
    public void close() {
        thread.shutdown();
        try {
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
        if (message.hasExtension("offline", "http://jabber.org/protocol/offline")
                || message.hasExtension(MamElements.MamResultExtension.ELEMENT, MamElements.NAMESPACE)) {
            return; // fetched by a catch-up, which handles it
        }
        StanzaIdElement stanzaId = StanzaIdElement.getStanzaId(message);
        Map<String, String> position = stanzaId != null && self.toString().equals(stanzaId.getBy())
                ? Map.of(archiveKey(), stanzaId.getId()) : Map.of();
        List<ParsedMessage> parsed = parser.parse(message, null, null).map(List::of).orElse(List.of());
        List<StoredMessage> added = store(parsed, position);
        for (StoredMessage stored : added) {
            if (stored.direction() == MessageDirection.RECEIVE) {
                listener.received(stored, 0);
            }
        }
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
            LOG.log(connection.isConnected() ? Level.WARNING : Level.FINE,
                    "asking for offline messages failed; they arrive after presence instead", e);
            return false;
        }
    }

    private List<StoredMessage> fromOfflineStorage(XMPPTCPConnection connection) {
        try {
            OfflineMessageManager offline = OfflineMessageManager.getInstanceFor(connection);
            List<Message> waiting = offline.getMessages();
            List<ParsedMessage> parsed = new ArrayList<>();
            List<String> nodes = new ArrayList<>();
            for (Message message : waiting) {
                OfflineMessageInfo info = message.getExtension(OfflineMessageInfo.class);
                if (info != null && info.getNode() != null) {
                    nodes.add(info.getNode());
                }
                DelayInformation delay = DelayInformation.from(message);
                parser.parse(message, delay == null ? null : delay.getStamp(), null).ifPresent(parsed::add);
            }
            List<StoredMessage> added = store(parsed, Map.of());
            if (!nodes.isEmpty()) {
                offline.deleteMessages(nodes);
            }
            LOG.fine(() -> waiting.size() + " offline message(s), " + added.size() + " new");
            return added;
        } catch (Exception e) {
            LOG.log(connection.isConnected() ? Level.WARNING : Level.FINE,
                    "fetching offline messages failed; they arrive after presence instead", e);
            return List.of();
        }
    }

    private List<StoredMessage> fromArchive(XMPPTCPConnection connection) {
        try {
            MamManager archive = MamManager.getInstanceFor(connection);
            if (!archive.isSupported()) {
                return List.of();
            }
            String position = store.syncPosition(archiveKey()).orElse(null);
            if (position == null) {
                String latest = archive.getMessageUidOfLatestMessage();
                if (latest != null) {
                    store.setSyncPosition(archiveKey(), latest);
                }
                return List.of();
            }
            List<StoredMessage> added = new ArrayList<>();
            MamManager.MamQuery query = archive.queryArchive(MamManager.MamQueryArgs.builder()
                    .afterUid(position).setResultPageSizeTo(ARCHIVE_PAGE).build());
            while (true) {
                added.addAll(storePage(query.getPage()));
                if (query.isComplete() || query.getMessageCount() == 0) {
                    break;
                }
                query.pageNext(ARCHIVE_PAGE);
            }
            return added;
        } catch (Exception e) {
            LOG.log(connection.isConnected() ? Level.WARNING : Level.FINE,
                    "catching up from the archive failed; it is tried again at the next sign-in", e);
            return List.of();
        }
    }

    private List<StoredMessage> storePage(MamManager.MamQueryPage page) {
        List<ParsedMessage> parsed = new ArrayList<>();
        String last = null;
        List<Forwarded<Message>> forwarded = page.getForwarded();
        List<MamElements.MamResultExtension> results = page.getMamResultExtensions();
        for (int i = 0; i < forwarded.size(); i++) {
            String archiveId = results.get(i).getId();
            last = archiveId;
            DelayInformation delay = forwarded.get(i).getDelayInformation();
            Date archived = delay == null ? null : delay.getStamp();
            parser.parse(forwarded.get(i).getForwardedStanza(), archived, archiveId).ifPresent(parsed::add);
        }
        return store(parsed, last == null ? Map.of() : Map.of(archiveKey(), last));
    }

    private List<StoredMessage> store(List<ParsedMessage> parsed, Map<String, String> positions) {
        List<NewMessage> batch = new ArrayList<>(parsed.size());
        long now = System.currentTimeMillis();
        for (ParsedMessage message : parsed) {
            if (message.uid() != null && store.knows(message.uid())) {
                continue;
            }
            JsonObject content = message.content();
            if (message.thumbnail() != null) {
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
        if (batch.isEmpty() && positions.isEmpty()) {
            return List.of();
        }
        return store.addIncoming(batch, positions);
    }

    private void deliver(List<StoredMessage> added) {
        List<StoredMessage> received = added.stream().filter(m -> m.direction() == MessageDirection.RECEIVE).toList();
        for (int i = 0; i < received.size(); i++) {
            listener.received(received.get(i), received.size() - 1 - i);
        }
    }

    private String archiveKey() {
        return "mam:" + self;
    }

    private void onWorker(Runnable work) {
        try {
            thread.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "handling a received message failed; receiving goes on", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.fine("a message arrived after the client closed");
        }
    }
}
