package org.rongdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.model.Conversation;
import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.ConversationType;
import org.rongdesk.model.MessageDirection;
import org.rongdesk.model.NewMessage;
import org.rongdesk.model.SentStatus;
import org.rongdesk.model.StoredMessage;

/**
 * What a user sees in the conversation list after messages arrive (some late, sent before ones
 * already stored), are sent, deleted, recalled, edited, read, and conversations cleared: each
 * conversation's latest message and unread count, checked after every step against the message
 * table itself (read over a second connection to the same H2 file).
 */
class ConversationListTruthTest {
    private static final List<ConversationKey> KEYS = List.of(new ConversationKey(ConversationType.PRIVATE, "bob"),
            new ConversationKey(ConversationType.PRIVATE, "carol"), new ConversationKey(ConversationType.GROUP, "team"),
            new ConversationKey(ConversationType.DISCUSSION, "d1"));
    private static final long BASE_TIME = 1_700_000_000_000L;

    @TempDir
    Path data;

    private final long seed = Long.getLong("truth.seed", System.nanoTime());
    private final SplittableRandom random = new SplittableRandom(seed);
    private int uids;

    @Test
    void theListShowsTheMessageTablesLatestMessageAndUnreadCountAfterEveryChange() throws Exception {
        System.out.println("ConversationListTruthTest seed " + seed + " (-Dtruth.seed=N replays it)");
        try (LocalStore store = LocalStore.open(data, "demo.local", "alice");
             Connection truth = DriverManager.getConnection("jdbc:h2:file:" + store.directory().resolve("store"),
                     "rongdesk", "")) {
            for (int step = 0; step < 400; step++) {
                String what = change(store);
                for (ConversationKey key : KEYS) {
                    assertMatchesTruth(store, truth, key, "step " + step + " (" + what + "), seed " + seed);
                }
            }
        }
    }

    @Test
    void theListIsTheSameAfterReopening() throws Exception {
        List<Conversation> before;
        try (LocalStore store = LocalStore.open(data, "demo.local", "alice")) {
            for (int step = 0; step < 100; step++) {
                change(store);
            }
            before = store.conversations();
        }
        try (LocalStore store = LocalStore.open(data, "demo.local", "alice")) {
            assertThat(store.conversations()).isEqualTo(before);
        }
    }

    /** One random change a user or a peer makes; what it was, for the failure message. */
    private String change(LocalStore store) {
        ConversationKey key = KEYS.get(random.nextInt(KEYS.size()));
        List<StoredMessage> history = store.history(key, -1, 1000, null);
        Optional<StoredMessage> any = history.isEmpty() ? Optional.empty()
                : Optional.of(history.get(random.nextInt(history.size())));
        int kind = random.nextInt(100);
        if (kind < 35) {
            List<NewMessage> batch = new ArrayList<>();
            for (int i = random.nextInt(3); i >= 0; i--) {
                // one in four was sent before messages already stored (kept in offline storage)
                long sent = BASE_TIME + uids * 1000L - (random.nextInt(4) == 0 ? random.nextInt(20_000) : 0);
                batch.add(new NewMessage(key, MessageDirection.RECEIVE, key.targetId(), "RC:TxtMsg", text("in " + uids),
                        SentStatus.SENT, sent, sent + 5, "s:" + uids++, random.nextInt(5) != 0));
            }
            store.addIncoming(batch, Map.of());
            return "arrive " + batch.size() + " in " + key;
        }
        if (kind < 50) {
            StoredMessage sent = store.addOutgoing(new NewMessage(key, MessageDirection.SEND, "alice", "RC:TxtMsg",
                    text("out " + uids), SentStatus.SENDING, BASE_TIME + uids * 1000L, 0, "o:" + uids++, false));
            if (random.nextBoolean()) {
                store.setSentStatus(sent.id(), random.nextBoolean() ? SentStatus.SENT : SentStatus.FAILED);
            }
            return "send in " + key;
        }
        if (any.isEmpty()) {
            return "nothing in " + key;
        }
        long id = kind < 60 && !history.isEmpty() && random.nextBoolean() ? history.get(0).id() : any.get().id();
        if (kind < 62) {
            store.clearMessages(key);
            return "clear " + key;
        }
        if (kind < 70) {
            store.deleteMessages(List.of(id));
            return "delete " + id;
        }
        if (kind < 76) {
            JsonObject recalled = new JsonObject();
            recalled.addProperty("operatorId", key.targetId());
            store.revise(id, "RC:RcNtf", recalled, true);
            return "recall " + id;
        }
        if (kind < 82) {
            store.revise(id, "RC:TxtMsg", text("edited " + uids++), false);
            return "edit " + id;
        }
        if (kind < 86) {
            JsonObject content = store.message(id).orElseThrow().contentCopy();
            content.addProperty("localPath", "/tmp/x" + uids++);
            store.setContent(id, content);
            return "content of " + id;
        }
        if (kind < 90) {
            store.setReceivedStatus(id, random.nextInt(8));
            return "received status of " + id;
        }
        if (kind < 93) {
            store.setExtra(id, "extra " + uids++);
            return "extra of " + id;
        }
        if (kind < 96) {
            store.clearUnread(key);
            return "read " + key;
        }
        if (kind < 98) {
            store.markRead(key, id);
            return "read receipt up to " + id;
        }
        store.removeConversation(key);
        return "remove " + key;
    }

    private static void assertMatchesTruth(LocalStore store, Connection truth, ConversationKey key, String when)
            throws SQLException {
        Optional<Conversation> conversation = store.conversation(key);
        if (conversation.isEmpty()) {
            return;
        }
        Optional<StoredMessage> latest = newestId(truth, key).flatMap(store::message);
        assertThat(conversation.get().latest()).as("latest message of %s after %s", key, when).isEqualTo(latest);
        assertThat(conversation.get().unread()).as("unread of %s after %s", key, when).isEqualTo(unread(truth, key));
        Optional<Conversation> listed = store.conversations().stream().filter(c -> c.key().equals(key)).findFirst();
        listed.ifPresent(c -> assertThat(c).as("%s as listed and as read alone, after %s", key, when)
                .isEqualTo(conversation.get()));
    }

    /** The conversation's last sent message, straight from the message table. */
    private static Optional<Long> newestId(Connection truth, ConversationKey key) throws SQLException {
        try (PreparedStatement query = truth.prepareStatement("SELECT id FROM message WHERE conversation_type = ?"
                + " AND target_id = ? ORDER BY sent_time DESC, id DESC LIMIT 1")) {
            query.setInt(1, key.type().code());
            query.setString(2, key.targetId());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }

    private static int unread(Connection truth, ConversationKey key) throws SQLException {
        try (PreparedStatement query = truth.prepareStatement("SELECT COUNT(*) FROM message m WHERE conversation_type = ?"
                + " AND target_id = ? AND " + MessageTable.UNREAD)) {
            query.setInt(1, key.type().code());
            query.setString(2, key.targetId());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static JsonObject text(String text) {
        JsonObject content = new JsonObject();
        content.addProperty("text", text);
        content.addProperty("extra", "");
        return content;
    }
}
