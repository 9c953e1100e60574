package org.rongdesk.store;

import com.google.gson.JsonObject;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.ConversationType;
import org.rongdesk.model.MessageContent;
import org.rongdesk.model.MessageDirection;
import org.rongdesk.model.NewMessage;
import org.rongdesk.model.SentStatus;
import org.rongdesk.model.StoredMessage;

/** The message table's SQL and row mapping. */
final class MessageTable {
    static final String COLUMNS = "m.id, m.conversation_type, m.target_id, m.direction, m.sender_user_id, m.object_name,"
            + " m.content, m.sent_status, m.received_status, m.sent_time, m.received_time, m.extra, m.uid";
    /** A message that still counts as unread. */
    static final String UNREAD = "m.counted AND BITAND(m.received_status, 1) = 0";
    private static final String BY_CONVERSATION = " WHERE m.conversation_type = ? AND m.target_id = ?";
    /** By sent time, then id; "index sorted" on message_by_time, so a page reads its rows only (notes/h2-store.md). */
    private static final String NEWEST_FIRST = " ORDER BY m.conversation_type DESC, m.target_id DESC, m.sent_time DESC, m.id DESC";

    private final Database db;

    MessageTable(Database db) {
        this.db = db;
    }

    long insert(NewMessage message) throws SQLException {
        PreparedStatement insert = db.prepare("INSERT INTO message (conversation_type, target_id, direction, sender_user_id,"
                + " object_name, content, sent_status, received_status, sent_time, received_time, uid, counted)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)");
        insert.setInt(1, message.conversation().type().code());
        insert.setString(2, message.conversation().targetId());
        insert.setInt(3, message.direction().code());
        insert.setString(4, message.senderUserId());
        insert.setString(5, message.objectName());
        insert.setString(6, message.content().toString());
        insert.setInt(7, message.sentStatus().code());
        insert.setLong(8, message.sentTime());
        insert.setLong(9, message.receivedTime());
        insert.setString(10, message.uid());
        insert.setBoolean(11, message.counted());
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    boolean hasUid(String uid) throws SQLException {
        try (ResultSet row = db.query("SELECT 1 FROM message WHERE uid = ?", uid).executeQuery()) {
            return row.next();
        }
    }

    Optional<Long> idByUid(String uid) throws SQLException {
        try (ResultSet row = db.query("SELECT id FROM message WHERE uid = ?", uid).executeQuery()) {
            return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
        }
    }

    Optional<StoredMessage> find(long id) throws SQLException {
        try (ResultSet row = db.query("SELECT " + COLUMNS + " FROM message m WHERE m.id = ?", id).executeQuery()) {
            return row.next() ? Optional.of(read(row, 1)) : Optional.empty();
        }
    }

    /** Whether message {@code id} counts as unread now. */
    boolean isUnread(long id) throws SQLException {
        try (ResultSet row = db.query("SELECT 1 FROM message m WHERE m.id = ? AND " + UNREAD, id).executeQuery()) {
            return row.next();
        }
    }

    /**
     * Up to {@code count} messages sent before message {@code beforeId} (all when -1; when no
     * such message is stored, those stored before it), newest first, of one type when given.
     */
    List<StoredMessage> page(ConversationKey key, long beforeId, int count, String objectName) throws SQLException {
        Optional<Long> anchorTime = beforeId >= 0 ? sentTime(beforeId) : Optional.empty();
        String sql = "SELECT " + COLUMNS + " FROM message m" + BY_CONVERSATION
                + (objectName != null ? " AND m.object_name = ?" : "")
                + (anchorTime.isPresent() ? " AND (m.sent_time, m.id) < (?, ?)" : beforeId >= 0 ? " AND m.id < ?" : "")
                + (objectName != null
                        ? " ORDER BY m.conversation_type DESC, m.target_id DESC, m.object_name DESC, m.sent_time DESC, m.id DESC"
                        : NEWEST_FIRST)
                + " LIMIT ?";
        List<Object> params = new ArrayList<>(List.of(key.type().code(), key.targetId()));
        if (objectName != null) {
            params.add(objectName);
        }
        anchorTime.ifPresent(params::add);
        if (beforeId >= 0) {
            params.add(beforeId);
        }
        params.add(count);
        List<StoredMessage> page = new ArrayList<>(Math.min(count, 256));
        try (ResultSet rows = db.query(sql, params.toArray()).executeQuery()) {
            while (rows.next()) {
                page.add(read(rows, 1));
            }
        }
        return page;
    }

    /** Up to {@code count} messages with ids above {@code afterId}, by id. */
    List<StoredMessage> after(long afterId, int count) throws SQLException {
        List<StoredMessage> found = new ArrayList<>(Math.min(count, 1024));
        try (ResultSet rows = db.query("SELECT " + COLUMNS + " FROM message m WHERE m.id > ? ORDER BY m.id LIMIT ?", afterId, count)
                .executeQuery()) {
            while (rows.next()) {
                found.add(read(rows, 1));
            }
        }
        return found;
    }

    /** The newest received message of a conversation whose uid is its sender's origin id ({@code o:...}). */
    Optional<StoredMessage> newestReceivedWithOrigin(ConversationKey key) throws SQLException {
        try (ResultSet row = db.query("SELECT " + COLUMNS + " FROM message m" + BY_CONVERSATION
                + " AND m.direction = ? AND m.uid LIKE 'o:%'" + NEWEST_FIRST + " LIMIT 1", key.type().code(), key.targetId(),
                MessageDirection.RECEIVE.code()).executeQuery()) {
            return row.next() ? Optional.of(read(row, 1)) : Optional.empty();
        }
    }

    /** Marks the conversation's sent messages up to {@code upToId} READ; how many were SENT. */
    int markRead(ConversationKey key, long upToId) throws SQLException {
        return db.update("UPDATE message m SET sent_status = ?" + BY_CONVERSATION
                + " AND m.direction = ? AND m.sent_status = ? AND m.id <= ?", SentStatus.READ.code(), key.type().code(),
                key.targetId(), MessageDirection.SEND.code(), SentStatus.SENT.code(), upToId);
    }

    private Optional<Long> sentTime(long id) throws SQLException {
        try (ResultSet row = db.query("SELECT sent_time FROM message WHERE id = ?", id).executeQuery()) {
            return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
        }
    }

    /** The newest message id of a conversation, if any. */
    Optional<Long> newestId(ConversationKey key) throws SQLException {
        try (ResultSet row = db.query("SELECT m.id FROM message m" + BY_CONVERSATION + NEWEST_FIRST + " LIMIT 1",
                key.type().code(), key.targetId()).executeQuery()) {
            return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
        }
    }

    boolean setSentStatus(long id, SentStatus status) throws SQLException {
        return db.update("UPDATE message SET sent_status = ? WHERE id = ?", status.code(), id) == 1;
    }

    boolean setContent(long id, JsonObject content) throws SQLException {
        return db.update("UPDATE message SET content = ? WHERE id = ?", content.toString(), id) == 1;
    }

    /** Rewrites a message's type and content; {@code uncount} also takes it out of the unread ones. */
    boolean revise(long id, String objectName, JsonObject content, boolean uncount) throws SQLException {
        return db.update("UPDATE message SET object_name = ?, content = ?, counted = counted AND NOT ? WHERE id = ?",
                objectName, content.toString(), uncount, id) == 1;
    }

    boolean setExtra(long id, String extra) throws SQLException {
        return db.update("UPDATE message SET extra = ? WHERE id = ?", extra, id) == 1;
    }

    boolean setReceivedStatus(long id, int status) throws SQLException {
        return db.update("UPDATE message SET received_status = ? WHERE id = ?", status, id) == 1;
    }

    /** Sets the read bit on every unread message of a conversation. */
    void markRead(ConversationKey key) throws SQLException {
        db.update("UPDATE message m SET received_status = BITOR(received_status, 1)" + BY_CONVERSATION + " AND " + UNREAD,
                key.type().code(), key.targetId());
    }

    boolean delete(long id) throws SQLException {
        return db.update("DELETE FROM message WHERE id = ?", id) == 1;
    }

    void deleteConversation(ConversationKey key) throws SQLException {
        db.update("DELETE FROM message m" + BY_CONVERSATION, key.type().code(), key.targetId());
    }

    void deleteType(ConversationType type) throws SQLException {
        db.update("DELETE FROM message WHERE conversation_type = ?", type.code());
    }

    /** Marks every message left SENDING (by a crash or a kill) FAILED; how many there were. */
    int failSending() throws SQLException {
        return db.update("UPDATE message SET sent_status = ? WHERE sent_status = ?", SentStatus.FAILED.code(),
                SentStatus.SENDING.code());
    }

    /** Reads the message whose {@link #COLUMNS} start at column {@code first}. */
    static StoredMessage read(ResultSet row, int first) throws SQLException {
        return read(row, first, new ConversationKey(ConversationType.fromCode(row.getInt(first + 1)), row.getString(first + 2)));
    }

    /**
     * Reads the message of conversation {@code key} whose {@link #COLUMNS} start at column
     * {@code first}. Its content stays JSON text until asked for (see {@link MessageContent}).
     */
    static StoredMessage read(ResultSet row, int first, ConversationKey key) throws SQLException {
        return new StoredMessage(row.getLong(first), key,
                MessageDirection.fromCode(row.getInt(first + 3)),
                row.getString(first + 4),
                row.getString(first + 5),
                MessageContent.parsedLater(row.getString(first + 6)),
                SentStatus.fromCode(row.getInt(first + 7)),
                row.getInt(first + 8),
                row.getLong(first + 9),
                row.getLong(first + 10),
                row.getString(first + 11),
                row.getString(first + 12));
    }
}
