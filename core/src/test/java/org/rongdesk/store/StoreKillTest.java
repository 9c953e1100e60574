package org.rongdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.model.Conversation;
import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.ConversationType;
import org.rongdesk.model.MessageDirection;
import org.rongdesk.model.NewMessage;
import org.rongdesk.model.SentStatus;

/**
 * A client killed (SIGKILL) while it writes a catch-up, batches of 1,000 messages in one
 * transaction each, over and over on one store: after each kill the store opens with every index
 * holding exactly its table's rows, the conversation list has each conversation once, and each
 * conversation's unread count is the number of messages its history shows.
 *
 * <p>H2 2.3.232 to 2.5.252 failed it: with 2.5.252 one kill in four to ten left the rows of the
 * transaction rolled back at reopen in the indexes (conversations listed twice or not at all,
 * history showing messages that do not exist) and now and then a file that no longer opened; 2.3.232
 * once left a file that did not open ("Double mark"). The store is on 2.2.224, which passed every
 * kill (core/README.md, "Faults").
 */
class StoreKillTest {
    private static final String APP_KEY = "demo.local";
    private static final String USER = "killed";
    private static final int CONVERSATIONS = 200;
    private static final int BATCH = 1000;
    private static final int KILLS = 12;

    @TempDir
    Path data;

    @Test
    void aStoreKilledMidTransactionOpensWhole() throws Exception {
        Random random = new Random(17);
        long written = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            killWhileWriting(random.nextInt(1500));
            Path file = LocalStore.directoryFor(data, APP_KEY, USER).resolve("store");
            try (Connection connection = DriverManager.getConnection(Database.url(file), "rongdesk", "")) {
                assertThat(IndexAgreement.disagreements(connection)).as("indexes that disagree with their table after kill " + kill)
                        .isEmpty();
            }
            try (LocalStore store = LocalStore.open(data, APP_KEY, USER)) {
                List<Conversation> list = store.conversations();
                assertThat(list).as("the conversation list after kill " + kill).hasSize(CONVERSATIONS)
                        .extracting(Conversation::key).doesNotHaveDuplicates();
                long total = 0;
                for (Conversation conversation : list) {
                    int shown = store.history(conversation.key(), -1, Integer.MAX_VALUE, null).size();
                    assertThat(conversation.unread()).as("unread count of " + conversation.key() + " after kill " + kill)
                            .isEqualTo(shown);
                    total += shown;
                }
                assertThat(total).as("messages after kill " + kill + ", none of those before lost").isGreaterThanOrEqualTo(written);
                written = total;
            }
        }
    }

    /** Starts {@link #main} on the store, waits for its first batch, lets it write {@code ms} more, kills it. */
    private void killWhileWriting(int ms) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                StoreKillTest.class.getName(), data.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("writing")) {
                System.out.println("child: " + line);
            }
            assertThat(line).as("the writing child started").isEqualTo("writing");
            Thread.sleep(ms);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** The child: writes batches of received messages until killed. */
    public static void main(String[] args) {
        LocalStore store = LocalStore.open(Path.of(args[0]), APP_KEY, USER);
        String run = Long.toString(System.nanoTime(), 36);
        for (long n = 0; ; ) {
            List<NewMessage> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++, n++) {
                ConversationKey key = new ConversationKey(ConversationType.PRIVATE, "user-" + n % CONVERSATIONS);
                JsonObject text = new JsonObject();
                text.addProperty("text", "message " + n + " of run " + run);
                long time = System.currentTimeMillis();
                batch.add(new NewMessage(key, MessageDirection.RECEIVE, key.targetId(), "RC:TxtMsg", text, SentStatus.SENT,
                        time, time, run + "-" + n, true));
            }
            store.addIncoming(batch, Map.of("mam:killed", run + "-" + n));
            if (n == BATCH) {
                // closed and opened again so that the first batch is on disk: a kill within H2's write
                // delay may lose the last batches, by design, but each round must leave something to check
                store.close();
                store = LocalStore.open(Path.of(args[0]), APP_KEY, USER);
                System.out.println("writing");
                System.out.flush();
            }
        }
    }
}
