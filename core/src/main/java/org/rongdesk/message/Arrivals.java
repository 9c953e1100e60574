package org.rongdesk.message;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.rongdesk.content.BuiltInTypes;
import org.rongdesk.model.MessageDirection;
import org.rongdesk.model.NewMessage;
import org.rongdesk.model.SentStatus;
import org.rongdesk.model.StoredMessage;
import org.rongdesk.store.LocalStore;

/**
 * The last two stages of every way a message arrives: store what is new (once, by uid, with
 * the archive positions it follows; a recall or correction changes the message it names instead)
 * and deliver the received ones, oldest first, to the
 * observers and then the listener with {@code left} counting down to 0. Receive thread only.
 */
final class Arrivals {
    private static final Logger LOG = Logger.getLogger(Arrivals.class.getName());
    private final LocalStore store;
    private final MediaDir media;
    private final List<Consumer<StoredMessage>> observers = new CopyOnWriteArrayList<>();
    private volatile ReceiveListener listener = (message, left) -> { };
    private volatile RevisionListener revisions = new RevisionListener() {
    };

    Arrivals(LocalStore store, MediaDir media) {
        this.store = store;
        this.media = media;
    }

    void setListener(ReceiveListener listener) {
        this.listener = listener;
    }

    void setRevisionListener(RevisionListener revisions) {
        this.revisions = revisions;
    }

    void addObserver(Consumer<StoredMessage> observer) {
        observers.add(observer);
    }

    /**
     * Stores what is new; returns the stored messages, then those of types that are delivered
     * without being kept (with message id 0).
     */
    List<StoredMessage> store(List<ParsedMessage> parsed, Map<String, String> positions) {
        List<NewMessage> batch = new ArrayList<>(parsed.size());
        List<StoredMessage> transientMessages = new ArrayList<>();
        List<ParsedMessage> revising = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (ParsedMessage message : parsed) {
            if (message.revision() != null) {
                revising.add(message);
                continue;
            }
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
        // after the batch: an original in the same batch (an archive page) is stored by now
        revising.forEach(this::revise);
        return result;
    }

    /**
     * Applies a recall or correction to the message it names, if that is stored and came from the
     * same sender in the same conversation (nobody changes another's message). A correction only
     * changes a text message's text.
     */
    private void revise(ParsedMessage revision) {
        Optional<StoredMessage> original = store.messageIdByUid(revision.revision().originalUid()).flatMap(store::message)
                .filter(m -> m.senderUserId().equals(revision.senderUserId()) && m.conversation().equals(revision.conversation()));
        if (original.isEmpty()) {
            LOG.fine(() -> "a " + revision.revision().kind() + " names a message not stored here: " + revision.revision().originalUid());
            return;
        }
        StoredMessage before = original.get();
        if (revision.revision().kind() == ParsedMessage.Kind.RECALL) {
            if (!before.objectName().equals(BuiltInTypes.RECALL_NOTIFICATION)) {
                store.revise(before.id(), BuiltInTypes.RECALL_NOTIFICATION,
                        RecallNotice.of(revision.senderUserId(), revision.sentTime(), before.objectName()), true)
                        .ifPresent(revisions::recalled);
            }
            return;
        }
        if (!before.objectName().equals(BuiltInTypes.TEXT) || !revision.objectName().equals(BuiltInTypes.TEXT)) {
            return;
        }
        JsonObject corrected = RecallNotice.edited(revision.content());
        if (!corrected.equals(before.content())) {
            store.revise(before.id(), BuiltInTypes.TEXT, corrected, false).ifPresent(revisions::edited);
        }
    }

    /** Hands the received ones of {@code added} to the observers, then the listener. */
    void deliver(List<StoredMessage> added) {
        List<StoredMessage> received = added.stream().filter(m -> m.direction() == MessageDirection.RECEIVE).toList();
        for (int i = 0; i < received.size(); i++) {
            StoredMessage message = received.get(i);
            for (Consumer<StoredMessage> observer : observers) {
                observer.accept(message);
            }
            listener.received(message, received.size() - 1 - i);
        }
    }

    /** Stores, then delivers. */
    void storeAndDeliver(List<ParsedMessage> parsed, Map<String, String> positions) {
        deliver(store(parsed, positions));
    }
}
