package org.rongdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.model.Conversation;
import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.ConversationType;
import org.rongdesk.model.MessageDirection;
import org.rongdesk.model.NewMessage;
import org.rongdesk.model.SentStatus;
import org.rongdesk.model.StoredMessage;

/** The local store on a real H2 file. */
class LocalStoreTest {
    private static final ConversationKey BOB = new ConversationKey(ConversationType.PRIVATE, "bob");
    private static final ConversationKey CAROL = new ConversationKey(ConversationType.PRIVATE, "carol");
    private static final ConversationKey TEAM = new ConversationKey(ConversationType.GROUP, "team");

    @TempDir
    Path data;

    @Test
    void aMessageLeftSendingByAStopIsFailedWhenTheStoreOpensAgain() {
        long id;
        try (LocalStore store = open("alice")) {
            id = store.addOutgoing(outgoing(BOB, "hello", "o:1")).id();
            assertThat(store.message(id).orElseThrow().sentStatus()).isEqualTo(SentStatus.SENDING);
        }
        try (LocalStore store = open("alice")) {
            StoredMessage message = store.message(id).orElseThrow();
            assertThat(message.sentStatus()).isEqualTo(SentStatus.FAILED);
            assertThat(message.content().get("text").getAsString()).isEqualTo("hello");
            assertThat(store.conversations()).extracting(c -> c.key()).containsExactly(BOB);
        }
    }

    /**
     * A message kept in offline storage while its receiver signed in can be stored after later
     * ones that came live (HistoryTest saw "number 1" below "number 70"): history and the
     * conversation's latest message follow the time it was sent, not the order it was stored.
     */
    @Test
    void historyIsInTheOrderMessagesWereSentNotStored() {
        try (LocalStore store = open("alice")) {
            store.addIncoming(List.of(incomingAt(BOB, "first", "s:1", 1_000)), Map.of());
            long third = store.addIncoming(List.of(incomingAt(BOB, "third", "s:3", 3_000)), Map.of()).get(0).id();
            store.addIncoming(List.of(incomingAt(BOB, "second, late", "s:2", 2_000)), Map.of());
            assertThat(store.history(BOB, -1, 10, null)).extracting(m -> m.content().get("text").getAsString())
                    .containsExactly("third", "second, late", "first");
            assertThat(store.history(BOB, third, 10, null)).extracting(m -> m.content().get("text").getAsString())
                    .containsExactly("second, late", "first");
            assertThat(store.history(BOB, third, 10, "RC:TxtMsg")).hasSize(2);
            assertThat(store.conversation(BOB).orElseThrow().latest().orElseThrow().id()).as("the latest sent").isEqualTo(third);
            assertThat(store.conversation(BOB).orElseThrow().unread()).isEqualTo(3);
        }
    }

    @Test
    void receivedMessagesAreStoredOnceByUidAndTheirPositionWithThem() {
        try (LocalStore store = open("alice")) {
            List<StoredMessage> first = store.addIncoming(List.of(incoming(BOB, "a", "s:1"), incoming(BOB, "b", "s:2"),
                    incoming(BOB, "a again", "s:1")), Map.of("mam:alice", "2"));
            List<StoredMessage> again = store.addIncoming(List.of(incoming(BOB, "b", "s:2"), incoming(BOB, "c", "s:3")),
                    Map.of("mam:alice", "3"));

            assertThat(first).extracting(m -> m.content().get("text").getAsString()).containsExactly("a", "b");
            assertThat(again).extracting(m -> m.content().get("text").getAsString()).containsExactly("c");
            assertThat(store.syncPosition("mam:alice")).contains("3");
            assertThat(store.unread(BOB)).isEqualTo(3);
        }
    }

    @Test
    void historyPagesNewestFirstWithoutGapsOrRepeats() {
        try (LocalStore store = open("alice")) {
            List<Long> all = new ArrayList<>();
            for (int i = 0; i < 45; i++) {
                all.add(0, store.addIncoming(List.of(incoming(BOB, "m" + i, "s:b" + i)), Map.of()).get(0).id());
                store.addIncoming(List.of(incoming(CAROL, "c" + i, "s:c" + i)), Map.of());
            }
            List<Long> paged = new ArrayList<>();
            long before = -1;
            while (true) {
                List<StoredMessage> page = store.history(BOB, before, 20, null);
                if (page.isEmpty()) {
                    break;
                }
                assertThat(page.size()).isLessThanOrEqualTo(20);
                page.forEach(message -> paged.add(message.id()));
                before = page.get(page.size() - 1).id();
            }
            assertThat(paged).isEqualTo(all);
            assertThat(store.history(BOB, -1, 3, "RC:CmdNtf")).isEmpty();
        }
    }

    @Test
    void unreadCountsFollowReadingDeletingAndRemoving() {
        try (LocalStore store = open("alice")) {
            List<StoredMessage> bob = store.addIncoming(List.of(incoming(BOB, "1", "s:1"), incoming(BOB, "2", "s:2"),
                    incoming(BOB, "3", "s:3")), Map.of());
            store.addIncoming(List.of(incoming(TEAM, "t", "s:4")), Map.of());
            assertThat(store.unread(Set.of())).isEqualTo(4);
            assertThat(store.unread(Set.of(ConversationType.GROUP))).isEqualTo(1);

            store.setReceivedStatus(bob.get(0).id(), 1);
            assertThat(store.unread(BOB)).isEqualTo(2);
            store.setReceivedStatus(bob.get(0).id(), 2);
            assertThat(store.unread(BOB)).as("clearing the read bit makes it unread again").isEqualTo(3);
            store.deleteMessages(List.of(bob.get(1).id()));
            assertThat(store.unread(BOB)).isEqualTo(2);
            assertThat(store.conversation(BOB).orElseThrow().latest().orElseThrow().id()).isEqualTo(bob.get(2).id());
            store.deleteMessages(List.of(bob.get(2).id()));
            assertThat(store.conversation(BOB).orElseThrow().latest().orElseThrow().id())
                    .as("the latest message falls back to the one before").isEqualTo(bob.get(0).id());

            store.removeConversation(TEAM);
            assertThat(store.unread(Set.of())).as("a removed conversation is not counted").isEqualTo(1);
            assertThat(store.conversations()).extracting(Conversation::key).containsExactly(BOB);
            store.addIncoming(List.of(incoming(TEAM, "back", "s:5")), Map.of());
            assertThat(store.conversations()).extracting(Conversation::key).contains(TEAM);
            assertThat(store.unread(TEAM)).isEqualTo(2);

            store.clearUnread(BOB);
            assertThat(store.unread(BOB)).isZero();
            assertThat(store.message(bob.get(0).id()).orElseThrow().receivedStatus() & 1).isEqualTo(1);
        }
    }

    @Test
    void pinnedConversationsComeFirstThenTheNewest() {
        try (LocalStore store = open("alice")) {
            store.addIncoming(List.of(incomingAt(BOB, "old", "s:1", 1_000)), Map.of());
            store.addIncoming(List.of(incomingAt(CAROL, "new", "s:2", 2_000)), Map.of());
            store.addIncoming(List.of(incomingAt(TEAM, "newest", "s:3", 3_000)), Map.of());
            assertThat(store.conversations()).extracting(Conversation::key).containsExactly(TEAM, CAROL, BOB);

            store.setTop(BOB, true);
            assertThat(store.conversations()).extracting(Conversation::key).containsExactly(BOB, TEAM, CAROL);
            store.setTop(BOB, false);
            assertThat(store.conversations()).extracting(Conversation::key).containsExactly(TEAM, CAROL, BOB);
        }
    }

    @Test
    void everythingIsThereAfterReopening() {
        try (LocalStore store = open("alice")) {
            store.addIncoming(List.of(incoming(BOB, "kept", "s:1")), Map.of("mam:alice", "1"));
            store.saveDraft(CAROL, "half a sentence");
            store.setTop(BOB, true);
            store.setExtra(store.history(BOB, -1, 1, null).get(0).id(), "local note");
        }
        try (LocalStore store = open("alice")) {
            assertThat(store.history(BOB, -1, 10, null)).singleElement()
                    .satisfies(m -> assertThat(m.extra()).isEqualTo("local note"));
            assertThat(store.draft(CAROL)).isEqualTo("half a sentence");
            assertThat(store.conversations().get(0).key()).isEqualTo(BOB);
            assertThat(store.unread(BOB)).isEqualTo(1);
            assertThat(store.syncPosition("mam:alice")).contains("1");
        }
    }

    @Test
    void aGrownStoreIsCompactedWhenClosedAndAnInterruptedCompactionLeavesItWhole() throws Exception {
        Path plain = fillAndClose("bob", "100000");
        Path file = fillAndClose("alice", "0");
        assertThat(Files.size(file)).as("compacted on close, next to the same work left as it is")
                .isLessThan(Files.size(plain) / 2);
        // what a process killed while compacting leaves: H2's half-written copy next to the store
        Path half = file.resolveSibling("store.mv.db.tempFile");
        Files.write(half, new byte[4096]);
        try (LocalStore store = open("alice")) {
            assertThat(store.history(BOB, -1, 1000, null)).hasSize(300);
            assertThat(store.history(BOB, -1, 1, null).get(0).content().get("text").getAsString())
                    .isEqualTo("message 299");
            assertThat(store.syncPosition("mam:alice")).contains("299");
        }
        assertThat(half).doesNotExist();
    }

    /** 300 messages sent one by one (each written through before it goes): far more old chunks than data. */
    private Path fillAndClose(String user, String compactAboveMiB) {
        System.setProperty("rongdesk.store.compactAboveMiB", compactAboveMiB);
        try (LocalStore store = open(user)) {
            for (int i = 0; i < 300; i++) {
                store.addOutgoing(outgoing(BOB, "message " + i, "o:" + i));
                store.setSyncPosition("mam:alice", Integer.toString(i));
            }
            return store.directory().resolve("store.mv.db");
        } finally {
            System.clearProperty("rongdesk.store.compactAboveMiB");
        }
    }

    @Test
    void eachUserHasAPrivateDirectoryOfTheirOwn() throws Exception {
        try (LocalStore alice = open("alice"); LocalStore bob = open("bob")) {
            alice.addIncoming(List.of(incoming(CAROL, "for alice", "s:1")), Map.of());
            assertThat(bob.conversations()).isEmpty();
            assertThat(alice.directory()).isNotEqualTo(bob.directory());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(alice.directory()))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(alice.directory().getParent())))
                    .isEqualTo("rwx------");
        }
        assertThat(LocalStore.directoryFor(data, "demo.local", "../../etc")).startsWithRaw(data.resolve("users"));
    }

    @Test
    void aStoreFromANewerVersionIsRefusedAndOneOpenElsewhereIsNamed() throws Exception {
        Path dir;
        try (LocalStore store = open("alice")) {
            dir = store.directory();
            assertThatThrownBy(() -> open("alice")).isInstanceOf(StoreException.class)
                    .hasMessageContaining("open in another Rong Desk client of this process");
        }
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("store"), "rongdesk", "");
             Statement statement = connection.createStatement()) {
            statement.execute("UPDATE store_meta SET meta_value = '99' WHERE meta_key = 'schema_version'");
        }
        assertThatThrownBy(() -> open("alice")).isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 99, newer than this Rong Desk (" + Schema.VERSION + ")");
    }

    @Test
    void aVersion1StoreIsMigratedWithItsLatestMessagesCopiedIntoTheList() throws Exception {
        Path dir = LocalStore.directoryFor(data, "demo.local", "alice");
        Files.createDirectories(dir);
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("store"), "rongdesk", "");
             Statement statement = connection.createStatement()) {
            for (String sql : Schema.MIGRATIONS.get(0)) {
                statement.execute(sql);
            }
            statement.execute("INSERT INTO store_meta VALUES ('schema_version', '1')");
            statement.execute("INSERT INTO message (conversation_type, target_id, direction, sender_user_id, object_name,"
                    + " content, sent_status, sent_time, received_time, uid, counted) VALUES (1, 'bob', 2, 'bob', 'RC:TxtMsg',"
                    + " '{\"text\":\"from version 1\",\"extra\":\"\"}', 30, 1000, 1001, 's:1', TRUE)");
            statement.execute("INSERT INTO conversation (conversation_type, target_id, title, unread_count, latest_message_id,"
                    + " sort_time) VALUES (1, 'bob', 'bob', 1, 1, 1000)");
        }
        try (LocalStore store = open("alice")) {
            Conversation bob = store.conversations().get(0);
            assertThat(bob.key()).isEqualTo(BOB);
            assertThat(bob.latest().orElseThrow().content().get("text").getAsString()).isEqualTo("from version 1");
            assertThat(bob.unread()).isEqualTo(1);
            store.addIncoming(List.of(incoming(BOB, "after the migration", "s:2")), Map.of());
            assertThat(store.conversations().get(0).latest().orElseThrow().content().get("text").getAsString())
                    .isEqualTo("after the migration");
        }
    }

    @Test
    void theListsCopyOfTheLatestMessageFollowsItsChanges() {
        try (LocalStore store = open("alice")) {
            StoredMessage sent = store.addOutgoing(outgoing(BOB, "draft of a photo", "o:9"));
            store.setSentStatus(sent.id(), SentStatus.SENT);
            JsonObject uploaded = sent.content().deepCopy();
            uploaded.addProperty("imageUrl", "http://x/y.jpg");
            store.setContent(sent.id(), uploaded);
            StoredMessage latest = store.conversation(BOB).orElseThrow().latest().orElseThrow();
            assertThat(latest.sentStatus()).isEqualTo(SentStatus.SENT);
            assertThat(latest.content().get("imageUrl").getAsString()).isEqualTo("http://x/y.jpg");

            StoredMessage received = store.addIncoming(List.of(incoming(BOB, "reply", "s:9")), Map.of()).get(0);
            store.clearUnread(BOB);
            assertThat(store.conversation(BOB).orElseThrow().latest().orElseThrow().receivedStatus() & 1).isEqualTo(1);
            store.deleteMessages(List.of(received.id()));
            assertThat(store.conversation(BOB).orElseThrow().latest().orElseThrow().id()).isEqualTo(sent.id());
            store.clearMessages(BOB);
            assertThat(store.conversation(BOB).orElseThrow().latest()).isEmpty();
        }
    }

    private LocalStore open(String user) {
        return LocalStore.open(data, "demo.local", user);
    }

    private static NewMessage outgoing(ConversationKey key, String text, String uid) {
        return new NewMessage(key, MessageDirection.SEND, "alice", "RC:TxtMsg", text(text), SentStatus.SENDING,
                System.currentTimeMillis(), 0, uid, false);
    }

    private static NewMessage incoming(ConversationKey key, String text, String uid) {
        return incomingAt(key, text, uid, System.currentTimeMillis());
    }

    private static NewMessage incomingAt(ConversationKey key, String text, String uid, long time) {
        return new NewMessage(key, MessageDirection.RECEIVE, key.targetId(), "RC:TxtMsg", text(text), SentStatus.SENT,
                time, time, uid, true);
    }

    private static JsonObject text(String text) {
        JsonObject content = new JsonObject();
        content.addProperty("text", text);
        content.addProperty("extra", "");
        return content;
    }
}
