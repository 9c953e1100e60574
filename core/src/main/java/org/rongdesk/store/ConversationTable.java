package org.rongdesk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.rongdesk.model.Conversation;
import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.ConversationType;
import org.rongdesk.model.NotificationStatus;
import org.rongdesk.model.StoredMessage;

/** The conversation table's SQL and row mapping. */
final class ConversationTable {
    private static final String KEY = " WHERE conversation_type = ? AND target_id = ?";
    private static final String SELECT = "SELECT c.conversation_type, c.target_id, c.title, c.is_top, c.notification_status,"
            + " c.draft, c.unread_count, c." + Schema.LATEST_COLUMNS.replace(", ", ", c.") + " FROM conversation c";
    private static final String LATEST_PLACEHOLDERS = Database.placeholders(Schema.LATEST_COLUMNS.split(",").length);

    private final Database db;

    ConversationTable(Database db) {
        this.db = db;
    }

    /** Creates the conversation unless it exists; {@code now} places a new one in the list. */
    void ensure(ConversationKey key, long now) throws SQLException {
        try (ResultSet row = db.query("SELECT 1 FROM conversation" + KEY, key.type().code(), key.targetId()).executeQuery()) {
            if (row.next()) {
                return;
            }
        }
        db.update("INSERT INTO conversation (conversation_type, target_id, title, sort_time) VALUES (?, ?, ?, ?)",
                key.type().code(), key.targetId(), key.targetId(), now);
    }

    /** Where a new message stands in its conversation. */
    private enum Arrival {
        NEW_CONVERSATION, NEW_LATEST, EARLIER
    }

    /**
     * A new message (the conversation is created if new): it shows again if it was removed,
     * counts one more unread when it should, and becomes the latest unless it was sent before it.
     * One statement writes the row: the listing index holds every listed column (schema 5), so
     * each write of the row rewrites its entry there: with two per message the import of 100,000
     * messages was ~25 % slower than with version 4's narrow index, with one ~15 % (bench store).
     */
    void messageAdded(StoredMessage message, boolean unread) throws SQLException {
        ConversationKey key = message.conversation();
        Arrival arrival = arrival(message);
        if (arrival == Arrival.NEW_CONVERSATION) {
            List<Object> row = new ArrayList<>(List.of(key.type().code(), key.targetId(), key.targetId(), message.sentTime(),
                    unread ? 1 : 0));
            row.addAll(latestValues(message));
            db.update("INSERT INTO conversation (conversation_type, target_id, title, sort_time, unread_count, "
                    + Schema.LATEST_COLUMNS + ") VALUES (?, ?, ?, ?, ?, " + LATEST_PLACEHOLDERS + ")", row.toArray());
            return;
        }
        List<Object> params = new ArrayList<>(List.of(message.sentTime(), unread ? 1 : 0));
        String latest = "";
        if (arrival == Arrival.NEW_LATEST) {
            params.addAll(latestValues(message));
            latest = ", (" + Schema.LATEST_COLUMNS + ") = (" + LATEST_PLACEHOLDERS + ")";
        }
        params.addAll(List.of(key.type().code(), key.targetId()));
        db.update("UPDATE conversation SET sort_time = GREATEST(sort_time, ?), hidden = FALSE, unread_count = unread_count + ?"
                + latest + KEY, params.toArray());
    }

    /** The latest is the last sent: one that arrives late (kept in offline storage) is not it. */
    private Arrival arrival(StoredMessage message) throws SQLException {
        ConversationKey key = message.conversation();
        try (ResultSet row = db.query("SELECT latest_message_id, latest_sent_time FROM conversation" + KEY,
                key.type().code(), key.targetId()).executeQuery()) {
            if (!row.next()) {
                return Arrival.NEW_CONVERSATION;
            }
            long id = row.getLong(1);
            if (row.wasNull()) {
                return Arrival.NEW_LATEST;
            }
            long sent = row.getLong(2);
            boolean later = sent < message.sentTime() || sent == message.sentTime() && id < message.id();
            return later ? Arrival.NEW_LATEST : Arrival.EARLIER;
        }
    }

    /** Copies a changed message into its conversation, where it is the latest one. */
    void refreshLatest(long messageId) throws SQLException {
        db.update("UPDATE conversation c SET (" + Schema.LATEST_COLUMNS + ") = (SELECT " + MessageTable.COLUMNS
                + " FROM message m WHERE m.id = ?) WHERE c.latest_message_id = ?", messageId, messageId);
    }

    /** Makes {@code latest} the conversation's latest message (none when null). */
    void setLatest(ConversationKey key, StoredMessage latest) throws SQLException {
        List<Object> params = new ArrayList<>(latest == null ? Collections.nCopies(13, null) : latestValues(latest));
        params.addAll(List.of(key.type().code(), key.targetId()));
        db.update("UPDATE conversation SET (" + Schema.LATEST_COLUMNS + ") = (" + LATEST_PLACEHOLDERS + ")" + KEY,
                params.toArray());
    }

    private static List<Object> latestValues(StoredMessage m) {
        return Arrays.asList(m.id(), m.conversation().type().code(), m.conversation().targetId(), m.direction().code(),
                m.senderUserId(), m.objectName(), m.body().json(), m.sentStatus().code(), m.receivedStatus(),
                m.sentTime(), m.receivedTime(), m.extra(), m.uid());
    }

    void addUnread(ConversationKey key, int delta) throws SQLException {
        db.update("UPDATE conversation SET unread_count = GREATEST(0, unread_count + ?)" + KEY, delta, key.type().code(),
                key.targetId());
    }

    void clearUnread(ConversationKey key) throws SQLException {
        db.update("UPDATE conversation SET unread_count = 0" + KEY, key.type().code(), key.targetId());
    }

    boolean hide(ConversationKey key) throws SQLException {
        return db.update("UPDATE conversation SET hidden = TRUE" + KEY, key.type().code(), key.targetId()) == 1;
    }

    void setTop(ConversationKey key, boolean top) throws SQLException {
        db.update("UPDATE conversation SET is_top = ?" + KEY, top, key.type().code(), key.targetId());
    }

    void setNotification(ConversationKey key, NotificationStatus status) throws SQLException {
        db.update("UPDATE conversation SET notification_status = ?" + KEY, status.code(), key.type().code(), key.targetId());
    }

    void setTitle(ConversationKey key, String title) throws SQLException {
        db.update("UPDATE conversation SET title = ?" + KEY, title, key.type().code(), key.targetId());
    }

    void delete(ConversationKey key) throws SQLException {
        db.update("DELETE FROM conversation" + KEY, key.type().code(), key.targetId());
    }

    void setDraft(ConversationKey key, String draft) throws SQLException {
        db.update("UPDATE conversation SET draft = ?" + KEY, draft, key.type().code(), key.targetId());
    }

    void deleteType(ConversationType type) throws SQLException {
        db.update("DELETE FROM conversation WHERE conversation_type = ?", type.code());
    }

    Optional<Conversation> find(ConversationKey key) throws SQLException {
        try (ResultSet row = db.query(SELECT + " WHERE c.conversation_type = ? AND c.target_id = ?",
                key.type().code(), key.targetId()).executeQuery()) {
            return row.next() ? Optional.of(read(row)) : Optional.empty();
        }
    }

    /**
     * {@code limit} conversations from {@code offset} of those not removed from the list: pinned
     * first, then newest activity first, then a stable order.
     */
    List<Conversation> listed(int offset, int limit) throws SQLException {
        List<Conversation> list = new ArrayList<>();
        // the order of the conversation_listing index: H2 walks it instead of sorting
        try (ResultSet rows = db.query(SELECT + " WHERE c.hidden = FALSE"
                + " ORDER BY c.hidden, c.is_top DESC, c.sort_time DESC, c.conversation_type, c.target_id LIMIT ? OFFSET ?",
                limit, offset).executeQuery()) {
            while (rows.next()) {
                list.add(read(rows));
            }
        }
        return list;
    }

    /** Unread messages of listed conversations of these types (all types when empty). */
    int unread(Collection<ConversationType> types) throws SQLException {
        String sql = "SELECT COALESCE(SUM(unread_count), 0) FROM conversation WHERE NOT hidden"
                + (types.isEmpty() ? "" : " AND conversation_type IN (" + Database.placeholders(types.size()) + ")");
        try (ResultSet row = db.query(sql, types.stream().map(ConversationType::code).toArray()).executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    private static Conversation read(ResultSet row) throws SQLException {
        ConversationKey key = new ConversationKey(ConversationType.fromCode(row.getInt(1)), row.getString(2));
        row.getLong(8);
        // the latest message is one of this conversation's: its key is not read again
        Optional<StoredMessage> latest = row.wasNull() ? Optional.empty() : Optional.of(MessageTable.read(row, 8, key));
        return new Conversation(key, row.getString(3), row.getBoolean(4), NotificationStatus.fromCode(row.getInt(5)),
                row.getString(6), row.getInt(7), latest);
    }
}
