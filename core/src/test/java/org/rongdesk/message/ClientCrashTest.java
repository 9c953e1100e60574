package org.rongdesk.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.testing.Sends.params;

import com.google.gson.JsonObject;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.model.ConversationKey;
import org.rongdesk.model.ConversationType;
import org.rongdesk.model.MessageDirection;
import org.rongdesk.store.LocalStore;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.CrashingClient;
import org.rongdesk.testing.Histories;
import org.rongdesk.testing.Inbox;
import org.rongdesk.testing.PrivateServer;
import org.rongdesk.testing.Replies;
import org.rongdesk.testing.SendLog;

/**
 * The client killed (SIGKILL) while it receives and writes a burst and sends of its own: the
 * store opens again with every message, none twice, nothing left SENDING.
 */
class ClientCrashTest {
    private static final int BURST = 1500;
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;
    @RegisterExtension
    final PrivateServer own = new PrivateServer();

    @Test
    void aClientKilledMidBurstComesBackWithEveryMessageOnceAndNothingStuckSending() throws Exception {
        DevServer server = own.start(dir.resolve("server"));
        Path bobDir = Files.createDirectories(dir.resolve("bob"));
        Path config = server.writeClientConfig(bobDir.resolve("config.xml"));
        Path data = Files.createDirectories(bobDir.resolve("data"));
        Path tokenFile = Files.writeString(bobDir.resolve("token"), server.token("bob", Duration.ofHours(1)));
        Path lines = bobDir.resolve("events.txt");

        Inbox aliceInbox = new Inbox();
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("alice"), "alice", new Replies(), aliceInbox)) {
            Process bob = new ProcessBuilder(javaCommand(CrashingClient.class, config.toString(), data.toString(),
                    tokenFile.toString(), "alice"))
                    .redirectOutput(lines.toFile())
                    .redirectError(bobDir.resolve("stderr.txt").toFile())
                    .start();
            awaitLines(bob, lines, "connected", 1);

            SendLog sends = new SendLog();
            List<String> burst = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                String text = String.format("burst-%05d", i);
                burst.add(text);
                alice.sendTextMessage(params("PRIVATE", "bob", "text", text), sends.callback(text));
            }
            awaitLines(bob, lines, "got ", BURST / 5);
            bob.destroyForcibly();
            bob.waitFor();
            sends.awaitFinished(BURST, WAIT);
            assertThat(sends.failed()).as("alice's burst all reached the server").isEmpty();

            Map<String, List<String>> before = events(lines);
            int reported = before.getOrDefault("got", List.of()).size();
            assertThat(reported).as("bob was killed in the middle of the burst").isBetween(BURST / 5, BURST - 1);
            int kept;
            try (LocalStore store = LocalStore.open(data, server.settings().appKey(), "bob")) {
                kept = store.history(new ConversationKey(ConversationType.PRIVATE, "alice"), -1, 2 * BURST, null)
                        .stream().filter(m -> m.direction() == MessageDirection.RECEIVE).toList().size();
            }
            assertThat(kept).as("the store opens with the messages committed before the kill").isPositive();

            Inbox bobInbox = new Inbox();
            try (RongCloud bobAgain = Clients.signedIn(server, bobDir, "bob", new Replies(), bobInbox)) {
                List<JsonObject> stored = awaitReceived(bobAgain, BURST);
                List<String> received = texts(stored, "RECEIVE");
                assertThat(received).as("every message of the burst once in bob's store").hasSize(BURST)
                        .containsExactlyInAnyOrderElementsOf(burst);

                List<JsonObject> own = stored.stream().filter(m -> m.get("messageDirection").getAsString().equals("SEND"))
                        .toList();
                Map<String, Long> statuses = own.stream()
                        .collect(Collectors.groupingBy(m -> m.get("sentStatus").getAsString(), Collectors.counting()));
                assertThat(statuses).as("nothing left SENDING").doesNotContainKey("SENDING");
                List<String> confirmed = before.getOrDefault("sent", List.of());
                assertThat(texts(own, "SEND")).as("every send the server confirmed is kept")
                        .containsAll(confirmed).doesNotHaveDuplicates();

                for (JsonObject failed : own) {
                    if (failed.get("sentStatus").getAsString().equals("FAILED")) {
                        JsonObject resend = new JsonObject();
                        resend.add("messageId", failed.get("messageId"));
                        Replies answers = new Replies();
                        bobAgain.resendMessage(resend, answers);
                        answers.next();
                        assertThat(answers.next().status()).as("resend of %s", failed).isEqualTo("success");
                    }
                }
                aliceInbox.awaitTexts(texts(own, "SEND"), WAIT);
                assertThat(aliceInbox.duplicates()).as("alice gets bob's messages once each").isEmpty();
                System.out.printf("client killed: %d of %d received before the kill, %d in the store at reopen, "
                        + "%d after catch-up; %d own sends confirmed, %s at reopen%n",
                        reported, BURST, kept, received.size(), confirmed.size(), statuses);
            }
        }
    }

    /** Bob's conversation with alice once it holds {@code count} received messages (or the wait is over). */
    private static List<JsonObject> awaitReceived(RongCloud client, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<JsonObject> stored = Histories.all(client, "PRIVATE", "alice");
            if (texts(stored, "RECEIVE").size() >= count || System.nanoTime() > deadline) {
                return stored;
            }
            Thread.sleep(200);
        }
    }

    private static List<String> texts(List<JsonObject> messages, String direction) {
        return messages.stream().filter(m -> m.get("messageDirection").getAsString().equals(direction))
                .map(m -> m.getAsJsonObject("content").get("text").getAsString()).toList();
    }

    private static List<String> javaCommand(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Waits until the child printed {@code count} lines starting with {@code prefix}. */
    private static void awaitLines(Process child, Path lines, String prefix, int count) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (Files.readAllLines(lines, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith(prefix)).count() < count) {
            assertThat(child.isAlive()).as("the client process is alive").isTrue();
            assertThat(System.nanoTime()).as("%d lines '%s' from the client within %s", count, prefix, WAIT)
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** The child's whole lines by their first word (a kill may cut the last line). */
    private static Map<String, List<String>> events(Path lines) throws Exception {
        Map<String, List<String>> events = new HashMap<>();
        String all = Files.readString(lines, StandardCharsets.UTF_8);
        for (String line : all.substring(0, all.lastIndexOf('\n') + 1).split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) {
                events.computeIfAbsent(line.substring(0, space), k -> new ArrayList<>()).add(line.substring(space + 1));
            }
        }
        return events;
    }
}
