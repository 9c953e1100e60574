package org.rongdesk.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.testing.Sends.error;
import static org.rongdesk.testing.Sends.message;
import static org.rongdesk.testing.Sends.params;
import static org.rongdesk.testing.Sends.result;
import static org.rongdesk.testing.Sends.sendOk;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.Replies;
import org.rongdesk.testing.Replies.Reply;

/** Groups between three real clients. */
@ExtendWith(EjabberdExtension.class)
class GroupsTest {
    @TempDir
    Path dir;

    @Test
    void membersTalkOutsidersCannotAndQuittersHearNoMore(DevServer server) throws Exception {
        Replies bobReceived = new Replies();
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice20", new Replies());
             RongCloud bob = Clients.signedIn(server, dir.resolve("b"), "bob20", new Replies(), bobReceived);
             RongCloud carol = Clients.signedIn(server, dir.resolve("c"), "carol20", new Replies())) {
            result(alice::joinGroup, group("g20", "Ski Club 滑雪 ⛷"));
            result(bob::joinGroup, group("g20", "Ski Club 滑雪 ⛷"));

            sendOk(alice::sendTextMessage, params("GROUP", "g20", "text", "snow tomorrow"));
            JsonObject got = message(bobReceived.next());
            assertThat(got.get("conversationType").getAsString()).isEqualTo("GROUP");
            assertThat(got.get("targetId").getAsString()).isEqualTo("g20");
            assertThat(got.get("senderUserId").getAsString()).isEqualTo("alice20");
            assertThat(got.getAsJsonObject("content").get("text").getAsString()).isEqualTo("snow tomorrow");
            JsonObject conversation = result(bob::getConversation, params("GROUP", "g20")).getAsJsonObject();
            assertThat(conversation.get("conversationTitle").getAsString()).isEqualTo("Ski Club 滑雪 ⛷");
            assertThat(conversation.get("unreadMessageCount").getAsInt()).isEqualTo(1);

            Reply outsider = sendExpectingError(carol, params("GROUP", "g20", "text", "let me in"));
            assertThat(outsider.code()).isEqualTo(-2);

            result(bob::quitGroup, group("g20", "-"));
            sendOk(alice::sendTextMessage, params("GROUP", "g20", "text", "bob is gone"));
            assertThat(bobReceived.anyWithin(Duration.ofSeconds(1))).isFalse();
            Replies again = new Replies();
            bob.reconnect(again);
            again.next();
            assertThat(bobReceived.anyWithin(Duration.ofSeconds(2))).as("not rejoined after a reconnect").isFalse();
            assertThat(result(bob::getLatestMessages, params("GROUP", "g20", "count", 10)).getAsJsonArray())
                    .as("the conversation stays in history").hasSize(1);
        }
    }

    @Test
    void membersCatchUpOnWhatTheyMissedAndSyncGroupIsExact(DevServer server) throws Exception {
        Replies bobReceived = new Replies();
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice21", new Replies());
             RongCloud bob = Clients.signedIn(server, dir.resolve("b"), "bob21", new Replies(), bobReceived)) {
            result(alice::joinGroup, group("g21", "Diving"));
            JsonObject sync = new JsonObject();
            sync.add("groups", JsonParser.parseString("[{\"groupId\":\"g21\",\"groupName\":\"Diving\",\"portraitUri\":\"\"},"
                    + "{\"groupId\":\"h21\",\"groupName\":\"Hiking\"}]"));
            result(bob::syncGroup, sync);
            result(bob::syncGroup, sync);

            result(bob::disconnect, new JsonObject()); // gone before anything is sent to him
            for (int i = 1; i <= 3; i++) {
                sendOk(alice::sendTextMessage, params("GROUP", "g21", "text", "missed " + i));
            }
            Replies reconnect = new Replies();
            bob.reconnect(reconnect);
            reconnect.next();
            for (int left = 2; left >= 0; left--) {
                Reply reply = bobReceived.next();
                assertThat(reply.ret().getAsJsonObject("result").get("left").getAsInt()).isEqualTo(left);
                assertThat(message(reply).getAsJsonObject("content").get("text").getAsString()).isEqualTo("missed " + (3 - left));
            }
            sendOk(alice::sendTextMessage, params("GROUP", "g21", "text", "live again"));
            assertThat(message(bobReceived.next()).getAsJsonObject("content").get("text").getAsString()).isEqualTo("live again");

            sync.add("groups", JsonParser.parseString("[{\"groupId\":\"h21\",\"groupName\":\"Hiking\"}]"));
            result(bob::syncGroup, sync);
            sendOk(alice::sendTextMessage, params("GROUP", "g21", "text", "after sync"));
            assertThat(bobReceived.anyWithin(Duration.ofSeconds(1))).as("synced out of g21").isFalse();

            assertThat(error(bob::joinGroup, params("GROUP", "x", "groupId", "", "groupName", "n")).msg())
                    .isEqualTo("groupId must not be empty");
            sync.add("groups", JsonParser.parseString("[{\"groupId\":\"ok\",\"groupName\":\"ok\"}, 5]"));
            assertThat(error(bob::syncGroup, sync).msg()).isEqualTo("groups[1] must be an object, not a number");
            sync.add("groups", JsonParser.parseString("[{\"groupName\":\"no id\"}]"));
            assertThat(error(bob::syncGroup, sync).msg()).isEqualTo("groups[0].groupId is missing");
        }
    }

    @Test
    void afterARestartTheClientIsBackInItsGroupsAndCatchesUp(DevServer server) throws Exception {
        Path bobDir = dir.resolve("b");
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice22", new Replies())) {
            result(alice::joinGroup, group("g22", "Chess"));
            try (RongCloud bob = Clients.signedIn(server, bobDir, "bob22", new Replies())) {
                result(bob::joinGroup, group("g22", "Chess"));
            }
            sendOk(alice::sendTextMessage, params("GROUP", "g22", "text", "while bob was closed"));
            Replies received = new Replies();
            try (RongCloud bob = Clients.signedIn(server, bobDir, "bob22", new Replies(), received)) {
                Reply reply = received.next();
                assertThat(message(reply).getAsJsonObject("content").get("text").getAsString()).isEqualTo("while bob was closed");
                assertThat(reply.ret().getAsJsonObject("result").get("left").getAsInt()).isZero();
                sendOk(alice::sendTextMessage, params("GROUP", "g22", "text", "live"));
                assertThat(message(received.next()).getAsJsonObject("content").get("text").getAsString()).isEqualTo("live");
            }
        }
    }

    private static Reply sendExpectingError(RongCloud client, JsonObject params) {
        Replies replies = new Replies();
        client.sendTextMessage(params, replies);
        assertThat(replies.next().status()).isEqualTo("prepare");
        Reply reply = replies.next();
        assertThat(reply.status()).isEqualTo("error");
        return reply;
    }

    private static JsonObject group(String id, String name) {
        JsonObject params = new JsonObject();
        params.addProperty("groupId", id);
        params.addProperty("groupName", name);
        return params;
    }
}
