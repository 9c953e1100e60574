package org.rongdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * A version 4 store (10,000 conversations, 100,000 messages, some pinned, some removed) opened by
 * this version: the conversation list is what it was, in the same order, and the migration
 * (schema 5: the listing index rebuilt with every listed column) takes a moment, since it reads
 * the conversation table only, whatever the number of messages.
 */
class ListingIndexMigrationTest {
    private static final int CONVERSATIONS = 10_000;
    private static final int MESSAGES = 100_000;

    @TempDir
    Path data;

    @Test
    void aVersion4StoreListsTheSameConversationsInTheSameOrderAfterTheMigration() throws Exception {
        Path dir = LocalStore.directoryFor(data, "demo.local", "alice");
        Files.createDirectories(dir);
        List<String> before;
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("store"), "rongdesk", "")) {
            fillVersion4(connection);
            before = listing(connection);
        }
        assertThat(before).hasSize(CONVERSATIONS - CONVERSATIONS / 50);

        long start = System.nanoTime();
        try (LocalStore store = LocalStore.open(data, "demo.local", "alice")) {
            long openMs = (System.nanoTime() - start) / 1_000_000;
            System.out.println("opening the version 4 store (migration to 5) took " + openMs + " ms");
            assertThat(openMs).as("opening with the migration, ms").isLessThan(20_000);
            assertThat(store.conversations().stream().map(ListingIndexMigrationTest::describe).toList()).isEqualTo(before);

            ConversationKey last = new ConversationKey(ConversationType.PRIVATE, "user-" + (CONVERSATIONS - 1));
            store.addIncoming(List.of(new NewMessage(last, MessageDirection.RECEIVE, last.targetId(), "RC:TxtMsg",
                    JsonParser.parseString("{\"text\":\"after\",\"extra\":\"\"}").getAsJsonObject(),
                    SentStatus.SENT, 4_000_000_000_000L, 4_000_000_000_001L, "s:after", true)), Map.of());
            List<Conversation> after = store.conversations();
            int pinned = CONVERSATIONS / 100;
            assertThat(after.get(pinned).key()).as("the newest unpinned, right after the pinned ones").isEqualTo(last);
            assertThat(after.get(pinned).latest().orElseThrow().content().get("text").getAsString()).isEqualTo("after");
        }
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("store"), "rongdesk", "");
             Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("SELECT meta_value FROM store_meta WHERE meta_key = 'schema_version'")) {
            version.next();
            assertThat(version.getInt(1)).isEqualTo(Schema.VERSION);
        }
    }

    /**
     * Version 4's tables, filled as version 4 left them: every conversation carries a copy of its
     * latest message; one in 100 is pinned, one in 50 removed from the list.
     */
    private static void fillVersion4(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (List<String> migration : Schema.MIGRATIONS.subList(0, 4)) {
                for (String sql : migration) {
                    statement.execute(sql);
                }
            }
            statement.execute("INSERT INTO store_meta VALUES ('schema_version', '4')");
            statement.execute("INSERT INTO message (conversation_type, target_id, direction, sender_user_id, object_name,"
                    + " content, sent_status, received_status, sent_time, received_time, uid, counted)"
                    + " SELECT 1, 'user-' || MOD(X, " + CONVERSATIONS + "), 2, 'user-' || MOD(X, " + CONVERSATIONS + "),"
                    + " 'RC:TxtMsg', '{\"text\":\"message ' || X || '\",\"extra\":\"\"}', 30, MOD(X, 3), 1000 * X, 1000 * X + 5,"
                    + " 's:' || X, TRUE FROM SYSTEM_RANGE(1, " + MESSAGES + ")");
            statement.execute("INSERT INTO conversation (conversation_type, target_id, title, is_top, unread_count, hidden,"
                    + " latest_message_id, sort_time) SELECT 1, target_id, target_id, FALSE, 0, FALSE, MAX(id), MAX(sent_time)"
                    + " FROM message GROUP BY target_id");
            statement.execute("UPDATE conversation c SET (" + Schema.LATEST_COLUMNS + ") = (SELECT " + MessageTable.COLUMNS
                    + " FROM message m WHERE m.id = c.latest_message_id)");
            statement.execute("UPDATE conversation c SET unread_count = (SELECT COUNT(*) FROM message m WHERE m.conversation_type = 1"
                    + " AND m.target_id = c.target_id AND " + MessageTable.UNREAD + ")");
            statement.execute("UPDATE conversation SET is_top = TRUE WHERE MOD(latest_message_id, 100) = 7");
            statement.execute("UPDATE conversation SET hidden = TRUE WHERE MOD(latest_message_id, 50) = 3");
            statement.execute("UPDATE conversation SET draft = 'draft of ' || target_id WHERE MOD(latest_message_id, 10) = 1");
        }
        connection.commit();
    }

    /** The list as version 4 read it: its query and order. */
    private static List<String> listing(Connection connection) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT target_id, is_top, unread_count, draft, latest_message_id,"
                     + " latest_content FROM conversation WHERE hidden = FALSE"
                     + " ORDER BY is_top DESC, sort_time DESC, conversation_type, target_id")) {
            while (row.next()) {
                rows.add(row.getString(1) + " top=" + row.getBoolean(2) + " unread=" + row.getInt(3) + " draft="
                        + row.getString(4) + " latest=" + row.getLong(5) + " " + row.getString(6));
            }
        }
        return rows;
    }

    private static String describe(Conversation c) {
        StoredMessage latest = c.latest().orElseThrow();
        return c.key().targetId() + " top=" + c.top() + " unread=" + c.unread() + " draft=" + c.draft() + " latest="
                + latest.id() + " " + latest.body().json();
    }
}
