package org.rongdesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.testing.Sends.params;
import static org.rongdesk.testing.Sends.result;
import static org.rongdesk.testing.Sends.with;

import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.Cluster;
import org.rongdesk.testing.Histories;
import org.rongdesk.testing.Inbox;
import org.rongdesk.testing.PrivateCluster;
import org.rongdesk.testing.Replies;
import org.rongdesk.testing.SendLog;

/**
 * Four users on a two-node ejabberd cluster, two on each node, talking privately across nodes, in
 * a group and in a chat room that both live on node 1, and a fifth on node 2 who only reads; node
 * 1 is SIGKILLed mid-traffic. Its users move to node 2 by themselves, the others notice their
 * rooms are gone (the talkers when the room refuses their next message, the reader when the
 * silent room does not know her) and enter them again, and afterwards every message is in every
 * store that should hold it, once.
 */
class ClusterFailoverTest {
    private static final Duration BACK = Duration.ofSeconds(60);
    private static final int ROUNDS = 30;
    /** Who talks privately with whom: each pair spans the two nodes. */
    private static final Map<String, String> PARTNER = Map.of("alice", "bob", "bob", "alice", "dave", "carol", "carol", "dave");

    @TempDir
    Path dir;
    @RegisterExtension
    final PrivateCluster own = new PrivateCluster();

    @Test
    void aNodeKilledMidTrafficLosesNothingAndDoublesNothing() throws Exception {
        Cluster cluster = own.start(dir.resolve("cluster"), 2);
        Map<String, Integer> firstNode = new LinkedHashMap<>();
        firstNode.put("alice", 1); // first in the rooms: they live on node 1
        firstNode.put("dave", 1);
        firstNode.put("bob", 2);
        firstNode.put("carol", 2);
        Map<String, RongCloud> clients = new LinkedHashMap<>();
        Map<String, Replies> status = new HashMap<>();
        List<RongCloud> everyone = new ArrayList<>();
        try {
            for (Map.Entry<String, Integer> user : firstNode.entrySet()) {
                Replies statusOf = new Replies();
                status.put(user.getKey(), statusOf);
                clients.put(user.getKey(), own.client(dir, user.getKey(), user.getValue(), statusOf, new Inbox()));
                everyone.add(clients.get(user.getKey()));
                statusOf.awaitStatus(0, BACK);
            }
            Replies erinStatus = new Replies();
            RongCloud erin = own.client(dir, "erin", 2, erinStatus, new Inbox(), "roomCheck", "3000");
            everyone.add(erin);
            erinStatus.awaitStatus(0, BACK);
            for (RongCloud client : clients.values()) {
                result(client::joinGroup, with(new JsonObject(), "groupId", "crew", "groupName", "Crew"));
                result(client::joinChatRoom, with(new JsonObject(), "chatRoomId", "hall", "defMessageCount", 0));
            }
            result(erin::joinGroup, with(new JsonObject(), "groupId", "crew", "groupName", "Crew"));
            result(erin::joinChatRoom, with(new JsonObject(), "chatRoomId", "hall", "defMessageCount", 0));

            SendLog sends = new SendLog();
            List<Thread> talkers = new ArrayList<>();
            for (Map.Entry<String, RongCloud> user : clients.entrySet()) {
                Thread talker = new Thread(() -> talk(user.getKey(), user.getValue(), sends), "talker-" + user.getKey());
                talker.start();
                talkers.add(talker);
            }
            sends.awaitFinished(clients.size() * 3 * ROUNDS / 3, BACK);
            cluster.kill(1);
            for (Thread talker : talkers) {
                talker.join(BACK.toMillis());
            }
            sends.awaitFinished(clients.size() * 3 * ROUNDS, BACK);
            for (String user : List.of("alice", "dave")) {
                assertThat(status.get(user).awaitStatus(0, BACK)).as(user + " moved to node 2 by herself").endsWith(0);
            }
            System.out.printf("node 1 killed mid-traffic: %d of %d sends confirmed, %d failed (codes %s)%n",
                    sends.succeeded(), clients.size() * 3 * ROUNDS, sends.failed().size(), sends.failureCodes());

            resendFailed(clients, sends);

            for (Map.Entry<String, RongCloud> user : clients.entrySet()) {
                String name = user.getKey();
                RongCloud client = user.getValue();
                assertHoldsOnce(client, name, "PRIVATE", PARTNER.get(name),
                        texts("P", List.of(name, PARTNER.get(name))));
                assertHoldsOnce(client, name, "GROUP", "crew", texts("G", clients.keySet()));
                assertHoldsOnce(client, name, "CHATROOM", "hall", texts("C", clients.keySet()));
            }
            assertHoldsOnce(erin, "erin", "GROUP", "crew", texts("G", clients.keySet()));
            assertHoldsOnce(erin, "erin", "CHATROOM", "hall", texts("C", clients.keySet()));

        } finally {
            everyone.forEach(RongCloud::close);
        }
    }

    /** One user's traffic: each round a private, a group and a chat room message, sent without waiting. */
    private static void talk(String user, RongCloud client, SendLog sends) {
        for (int i = 0; i < ROUNDS; i++) {
            client.sendTextMessage(params("PRIVATE", PARTNER.get(user), "text", "P " + user + " " + i), sends.callback("P " + user + " " + i));
            client.sendTextMessage(params("GROUP", "crew", "text", "G " + user + " " + i), sends.callback("G " + user + " " + i));
            client.sendTextMessage(params("CHATROOM", "hall", "text", "C " + user + " " + i), sends.callback("C " + user + " " + i));
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** What a user does with messages marked failed: sends them again, until none is left. */
    private static void resendFailed(Map<String, RongCloud> clients, SendLog first) throws InterruptedException {
        Map<String, Long> failed = first.failed();
        for (int attempt = 0; attempt < 5 && !failed.isEmpty(); attempt++) {
            SendLog again = new SendLog();
            for (Map.Entry<String, Long> send : failed.entrySet()) {
                String user = send.getKey().split(" ")[1];
                clients.get(user).resendMessage(with(new JsonObject(), "messageId", send.getValue()), again.callback(send.getKey()));
            }
            again.awaitFinished(failed.size(), BACK);
            Map<String, Long> still = new HashMap<>(again.failed());
            System.out.printf("resent %d, %d failed again%n", failed.size(), still.size());
            failed = still;
            Thread.sleep(1_000);
        }
        assertThat(failed).as("every failed message goes through when sent again").isEmpty();
    }

    private static List<String> texts(String kind, Iterable<String> senders) {
        List<String> texts = new ArrayList<>();
        for (String sender : senders) {
            for (int i = 0; i < ROUNDS; i++) {
                texts.add(kind + " " + sender + " " + i);
            }
        }
        return texts;
    }

    /** Waits until {@code client}'s store holds each of {@code expected}, then checks none is there twice. */
    private static void assertHoldsOnce(RongCloud client, String user, String type, String target, List<String> expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + BACK.toNanos();
        List<String> stored = Histories.texts(client, type, target);
        while (!stored.containsAll(expected) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            stored = Histories.texts(client, type, target);
        }
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(stored);
        Map<String, Long> twice = new TreeMap<>(stored.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())));
        twice.values().removeIf(count -> count == 1);
        assertThat(missing).as("%s's %s %s: missing", user, type, target).isEmpty();
        assertThat(twice).as("%s's %s %s: stored more than once", user, type, target).isEmpty();
        assertThat(stored).as("%s's %s %s: nothing else", user, type, target).hasSameSizeAs(expected);
    }
}
