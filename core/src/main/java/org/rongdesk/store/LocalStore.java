package org.rongdesk.store;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import org.rongdesk.base.PrivateFiles;
import org.rongdesk.model.Conversation;
import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.ConversationType;
import org.rongdesk.model.NewMessage;
import org.rongdesk.model.NotificationStatus;
import org.rongdesk.model.SentStatus;
import org.rongdesk.model.StoredMessage;
import org.rongdesk.model.UserInfo;

/**
 * The local store of one user of one App Key: messages, conversations and sync positions, in an
 * H2 file under {@code <data>/users/<hash of appKey and userId>/}, a directory only its owner
 * can read. Two users never share a file.
 *
 * <p>Every method is one short transaction and blocks for its duration (well under a
 * millisecond for single-row work); all methods are serialised, so any thread may call them —
 * but never the Swing EDT. Failures are {@link StoreException}s.
 */
public final class LocalStore implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LocalStore.class.getName());
    /**
     * Stores open in this JVM. H2 lets a second connection in the same process share an open file
     * (its file lock only keeps other processes out), and two clients writing one store would
     * fail each other's sends: this keeps it to one, like the file lock does across processes.
     */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();
    private final Database db;
    private final MessageTable messages;
    private final ConversationTable conversations;
    private final SyncStateTable sync;
    private final UserTable users;
    private final Path directory;
    private volatile StoreListener listener = new StoreListener() {
    };

    private LocalStore(Database db, Path directory) {
        this.db = db;
        this.directory = directory;
        this.messages = new MessageTable(db);
        this.conversations = new ConversationTable(db);
        this.sync = new SyncStateTable(db);
        this.users = new UserTable(db);
    }

    /**
     * Opens the store of {@code userId} on {@code appKey} under {@code dataDir}, creating it when
     * new. Messages a crash left in SENDING are marked FAILED.
     */
    public static LocalStore open(Path dataDir, String appKey, String userId) {
        Path directory = directoryFor(dataDir, appKey, userId).toAbsolutePath().normalize();
        if (!OPEN.add(directory)) {
            throw new StoreException("cannot open the local store of " + userId + " in " + directory
                    + ": it is open in another Rong Desk client of this process", null);
        }
        try {
            PrivateFiles.directories(dataDir, directory);
            Database db = Database.open(directory.resolve("store"));
            PrivateFiles.tightenFilesIn(directory);
            LocalStore store = new LocalStore(db, directory);
            int failed = db.inTransaction(store.messages::failSending);
            if (failed > 0) {
                LOG.info(() -> failed + " message(s) left sending when Rong Desk last stopped are now FAILED");
            }
            return store;
        } catch (IOException | SQLException | RuntimeException e) {
            OPEN.remove(directory);
            String why = String.valueOf(e.getMessage());
            if (why.contains("already in use") || why.contains("locked")) {
                why = "it is open in another Rong Desk process";
            }
            throw new StoreException("cannot open the local store of " + userId + " in " + directory + ": " + why, e);
        }
    }

    /** The directory holding one user's store: a hash, so that no user id can escape or collide. */
    public static Path directoryFor(Path dataDir, String appKey, String userId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((appKey + "\n" + userId).getBytes(StandardCharsets.UTF_8));
            return dataDir.resolve("users").resolve(HexFormat.of().formatHex(hash, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Sets the one listener of deletions and rewrites (replacing the previous one). */
    public void setListener(StoreListener listener) {
        this.listener = listener;
    }

    /** The directory this store lives in (for its files: thumbnails, downloads). */
    public Path directory() {
        return directory;
    }

    /** Stores a message about to be sent and makes it survive a crash before returning it. */
    public synchronized StoredMessage addOutgoing(NewMessage message) {
        StoredMessage stored = write(() -> {
            StoredMessage added = stored(messages.insert(message), message);
            conversations.messageAdded(added, false);
            return added;
        });
        write(() -> {
            db.flush();
            return null;
        });
        listener.added();
        return stored;
    }

    /**
     * Stores received messages in one transaction, skipping any whose uid is known already, and
     * records the sync positions they came with; the stored ones, in order.
     */
    public synchronized List<StoredMessage> addIncoming(List<NewMessage> batch, Map<String, String> syncPositions) {
        List<StoredMessage> result = write(() -> {
            List<StoredMessage> added = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (NewMessage message : batch) {
                if (message.uid() != null && (!seen.add(message.uid()) || messages.hasUid(message.uid()))) {
                    continue;
                }
                StoredMessage stored = stored(messages.insert(message), message);
                conversations.messageAdded(stored, message.counted());
                added.add(stored);
            }
            for (Map.Entry<String, String> position : syncPositions.entrySet()) {
                sync.put(position.getKey(), position.getValue());
            }
            return added;
        });
        if (!result.isEmpty()) {
            listener.added();
        }
        return result;
    }

    /** Whether a message with this uid is stored. */
    public synchronized boolean knows(String uid) {
        return read(() -> messages.hasUid(uid));
    }

    /** The id of the message stored with this uid. */
    public synchronized Optional<Long> messageIdByUid(String uid) {
        return read(() -> messages.idByUid(uid));
    }

    public synchronized Optional<StoredMessage> message(long id) {
        return read(() -> messages.find(id));
    }

    public synchronized boolean setSentStatus(long id, SentStatus status) {
        return write(() -> refreshed(id, messages.setSentStatus(id, status)));
    }

    /** Replaces a message's content (an upload's URL, a download's local path). */
    public synchronized boolean setContent(long id, JsonObject content) {
        boolean changed = write(() -> refreshed(id, messages.setContent(id, content)));
        if (changed) {
            listener.contentChanged(id);
        }
        return changed;
    }

    /**
     * Rewrites message {@code id} as its sender changed it (a recall, a correction): its type and
     * content; {@code uncount} (a recall) also takes it out of the unread count. The message as
     * it is now, if it exists.
     */
    public synchronized Optional<StoredMessage> revise(long id, String objectName, JsonObject content, boolean uncount) {
        Optional<StoredMessage> revised = write(() -> {
            Optional<StoredMessage> before = messages.find(id);
            if (before.isEmpty()) {
                return Optional.<StoredMessage>empty();
            }
            boolean wasUnread = messages.isUnread(id);
            refreshed(id, messages.revise(id, objectName, content, uncount));
            if (wasUnread && !messages.isUnread(id)) {
                conversations.addUnread(before.get().conversation(), -1);
            }
            return messages.find(id);
        });
        revised.ifPresent(message -> listener.contentChanged(id));
        return revised;
    }

    public synchronized boolean setExtra(long id, String extra) {
        return write(() -> refreshed(id, messages.setExtra(id, extra)));
    }

    /** Sets the received-status bitmask; setting or clearing the read bit moves the unread count. */
    public synchronized boolean setReceivedStatus(long id, int status) {
        return write(() -> {
            Optional<StoredMessage> message = messages.find(id);
            if (message.isEmpty()) {
                return false;
            }
            boolean wasUnread = messages.isUnread(id);
            refreshed(id, messages.setReceivedStatus(id, status));
            boolean isUnread = messages.isUnread(id);
            if (wasUnread != isUnread) {
                conversations.addUnread(message.get().conversation(), isUnread ? 1 : -1);
            }
            return true;
        });
    }

    /** The newest received message of {@code key} that carries its sender's origin id (read markers name it). */
    public synchronized Optional<StoredMessage> newestReceivedWithOrigin(ConversationKey key) {
        return read(() -> messages.newestReceivedWithOrigin(key));
    }

    /** Marks {@code key}'s sent messages up to {@code upToId} READ (read receipts); how many changed. */
    public synchronized int markRead(ConversationKey key, long upToId) {
        return write(() -> {
            int changed = messages.markRead(key, upToId);
            if (changed > 0) {
                Optional<StoredMessage> latest = conversations.find(key).flatMap(Conversation::latest);
                if (latest.isPresent() && latest.get().id() <= upToId) {
                    conversations.refreshLatest(latest.get().id());
                }
            }
            return changed;
        });
    }

    /** Up to {@code count} messages with ids above {@code afterId}, oldest first (in the order they were stored). */
    public synchronized List<StoredMessage> messagesAfter(long afterId, int count) {
        return read(() -> messages.after(afterId, count));
    }

    /** Up to {@code count} messages before {@code beforeId} (-1: from the newest), newest first. */
    public synchronized List<StoredMessage> history(ConversationKey key, long beforeId, int count, String objectName) {
        return read(() -> messages.page(key, beforeId, count, objectName));
    }

    /** Deletes these messages (unknown ids are ignored), keeping unread counts and latest messages right. */
    public synchronized void deleteMessages(Collection<Long> ids) {
        List<Long> deleted = new ArrayList<>();
        write(() -> {
            Set<ConversationKey> touched = new LinkedHashSet<>();
            for (long id : ids) {
                Optional<StoredMessage> message = messages.find(id);
                if (message.isEmpty()) {
                    continue;
                }
                ConversationKey key = message.get().conversation();
                if (messages.isUnread(id)) {
                    conversations.addUnread(key, -1);
                }
                messages.delete(id);
                deleted.add(id);
                touched.add(key);
            }
            for (ConversationKey key : touched) {
                conversations.setLatest(key, newest(key));
            }
            return null;
        });
        if (!deleted.isEmpty()) {
            listener.removed(deleted);
        }
    }

    /** Deletes every message of a conversation; the conversation stays. */
    public synchronized void clearMessages(ConversationKey key) {
        write(() -> {
            messages.deleteConversation(key);
            conversations.clearUnread(key);
            conversations.setLatest(key, null);
            return null;
        });
        listener.cleared(key);
    }

    public synchronized List<Conversation> conversations() {
        return conversations(0, Integer.MAX_VALUE);
    }

    /** {@code limit} of {@link #conversations()} from {@code offset}. */
    public synchronized List<Conversation> conversations(int offset, int limit) {
        return read(() -> conversations.listed(offset, limit));
    }

    public synchronized Optional<Conversation> conversation(ConversationKey key) {
        return read(() -> conversations.find(key));
    }

    /** Takes a conversation off the list until a new message arrives in it; its messages stay. */
    public synchronized void removeConversation(ConversationKey key) {
        write(() -> conversations.hide(key));
    }

    /** Lists a conversation (creating it if new) under {@code title}: a room the user is in. */
    public synchronized void nameConversation(ConversationKey key, String title) {
        write(() -> {
            conversations.ensure(key, System.currentTimeMillis());
            conversations.setTitle(key, title);
            return null;
        });
    }

    /** Deletes a conversation and all its messages (a chat room the user left). */
    public synchronized void deleteConversation(ConversationKey key) {
        write(() -> {
            messages.deleteConversation(key);
            conversations.delete(key);
            return null;
        });
        listener.cleared(key);
    }

    /** Deletes every conversation of these types and all their messages. */
    public synchronized void clearConversations(Collection<ConversationType> types) {
        write(() -> {
            for (ConversationType type : types) {
                messages.deleteType(type);
                conversations.deleteType(type);
            }
            return null;
        });
        listener.clearedTypes(types);
    }

    public synchronized void setTop(ConversationKey key, boolean top) {
        write(() -> {
            conversations.ensure(key, System.currentTimeMillis());
            conversations.setTop(key, top);
            return null;
        });
    }

    public synchronized void setNotification(ConversationKey key, NotificationStatus status) {
        write(() -> {
            conversations.ensure(key, System.currentTimeMillis());
            conversations.setNotification(key, status);
            return null;
        });
    }

    /** The notification status; NOTIFY for a conversation the store does not know. */
    public synchronized NotificationStatus notification(ConversationKey key) {
        return read(() -> conversations.find(key).map(Conversation::notification).orElse(NotificationStatus.NOTIFY));
    }

    /** The draft; "" when none. */
    public synchronized String draft(ConversationKey key) {
        return read(() -> conversations.find(key).map(Conversation::draft).orElse(""));
    }

    /** Saves a draft ("" clears it); a conversation with a draft is listed. */
    public synchronized void saveDraft(ConversationKey key, String draft) {
        write(() -> {
            if (draft.isEmpty() && conversations.find(key).isEmpty()) {
                return null;
            }
            conversations.ensure(key, System.currentTimeMillis());
            conversations.setDraft(key, draft);
            return null;
        });
    }

    /** Unread messages of one conversation. */
    public synchronized int unread(ConversationKey key) {
        return read(() -> conversations.find(key).map(Conversation::unread).orElse(0));
    }

    /** Unread messages of listed conversations of these types; every type when empty. */
    public synchronized int unread(Collection<ConversationType> types) {
        return read(() -> conversations.unread(types));
    }

    /**
     * Marks every message of a conversation read. Nothing to do when its counter says none is
     * unread: the marking walks all the conversation's messages (110,000 took 2 s), and the
     * client asks each time its window comes to the front.
     */
    public synchronized void clearUnread(ConversationKey key) {
        write(() -> {
            if (conversations.find(key).map(Conversation::unread).orElse(0) == 0) {
                return null;
            }
            messages.markRead(key);
            conversations.clearUnread(key);
            conversations.setLatest(key, newest(key));
            return null;
        });
    }

    public synchronized Optional<String> syncPosition(String key) {
        return read(() -> sync.get(key));
    }

    public synchronized void setSyncPosition(String key, String value) {
        write(() -> {
            sync.put(key, value);
            return null;
        });
    }

    /** What is known of {@code userId}, if anything was ever read. */
    public synchronized Optional<UserInfo> userInfo(String userId) {
        return read(() -> users.get(userId));
    }

    public synchronized void saveUserInfo(UserInfo info) {
        write(() -> {
            users.put(info);
            return null;
        });
    }

    /** The contacts as last seen, {@code [userId, subscription]} by id. */
    public synchronized List<String[]> contacts() {
        return read(users::contacts);
    }

    /** Replaces the contacts kept with the roster as the server now has it. */
    public synchronized void saveContacts(List<String[]> contacts) {
        write(() -> {
            users.replaceContacts(contacts);
            return null;
        });
    }

    @Override
    public synchronized void close() {
        db.close();
        try {
            PrivateFiles.tightenFilesIn(directory); // compacting on close rewrites the H2 file under the umask
        } catch (IOException e) {
            LOG.warning(() -> "cannot make the files in " + directory + " private: " + e.getMessage());
        }
        OPEN.remove(directory);
    }

    /** The message just inserted, as stored (nothing read back: every field is known). */
    private static StoredMessage stored(long id, NewMessage message) {
        return new StoredMessage(id, message.conversation(), message.direction(), message.senderUserId(),
                message.objectName(), message.content(), message.sentStatus(), 0, message.sentTime(),
                message.receivedTime(), "", message.uid());
    }

    private StoredMessage newest(ConversationKey key) throws SQLException {
        Optional<Long> id = messages.newestId(key);
        return id.isEmpty() ? null : messages.find(id.get()).orElse(null);
    }

    /** After a change to message {@code id}: its conversation's copy of it follows. */
    private boolean refreshed(long id, boolean changed) throws SQLException {
        if (changed) {
            conversations.refreshLatest(id);
        }
        return changed;
    }

    private <T> T write(Database.Work<T> work) {
        try {
            return db.inTransaction(work);
        } catch (SQLException e) {
            throw new StoreException("the local store failed: " + e.getMessage(), e);
        }
    }

    private <T> T read(Database.Work<T> work) {
        return write(work);
    }
}
