package org.rongdesk.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.testing.Sends.error;
import static org.rongdesk.testing.Sends.message;
import static org.rongdesk.testing.Sends.params;
import static org.rongdesk.testing.Sends.result;
import static org.rongdesk.testing.Sends.sendOk;
import static org.rongdesk.testing.Sends.with;

import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.Replies;
import org.rongdesk.testing.Replies.Reply;

/** Chat rooms: the history count on joining, leaving, and coming back after a reconnect. */
@ExtendWith(EjabberdExtension.class)
class ChatRoomsTest {
    @TempDir
    Path dir;

    @Test
    void joiningBringsExactlyTheAskedNumberOfEarlierMessages(DevServer server) throws Exception {
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice40", new Replies())) {
            result(alice::joinChatRoom, room("lobby40", -1));
            for (int i = 1; i <= 60; i++) {
                sendOk(alice::sendTextMessage, params("CHATROOM", "lobby40", "text", "m" + i));
            }
            assertJoinDelivers(server, "bob40", 0, 10);
            assertJoinDelivers(server, "carol40", 10, 10);
            assertJoinDelivers(server, "dave40", 50, 50);
            assertJoinDelivers(server, "erin40", -1, 0);

            assertThat(error(alice::joinChatRoom, room("lobby40", 51)).msg())
                    .isEqualTo("defMessageCount must be between -1 and 50, not 51");
            assertThat(error(alice::joinChatRoom, with(new JsonObject(), "chatRoomId", "")).msg())
                    .isEqualTo("chatRoomId must not be empty");
        }
    }

    @Test
    void leavingDropsTheRoomsMessagesAndAReconnectRejoinsRoomsNotLeft(DevServer server) throws Exception {
        Replies bobReceived = new Replies();
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice41", new Replies());
             RongCloud bob = Clients.signedIn(server, dir.resolve("b"), "bob41", new Replies(), bobReceived)) {
            result(alice::joinChatRoom, room("hall41", -1));
            result(bob::joinChatRoom, room("hall41", -1));
            sendOk(alice::sendTextMessage, params("CHATROOM", "hall41", "text", "hello hall"));
            assertThat(message(bobReceived.next()).get("conversationType").getAsString()).isEqualTo("CHATROOM");

            Replies reconnect = new Replies();
            result(bob::disconnect, new JsonObject()); // gone before anything is sent to him
            sendOk(alice::sendTextMessage, params("CHATROOM", "hall41", "text", "while bob reconnects"));
            bob.reconnect(reconnect);
            reconnect.next();
            awaitInRoom(bob, "hall41");
            sendOk(alice::sendTextMessage, params("CHATROOM", "hall41", "text", "bob is back"));
            List<String> texts = new ArrayList<>();
            while (!texts.contains("bob is back")) {
                texts.add(message(bobReceived.next()).getAsJsonObject("content").get("text").getAsString());
            }
            assertThat(texts).as("rejoined after the reconnect").contains("bob is back");

            result(bob::quitChatRoom, with(new JsonObject(), "chatRoomId", "hall41"));
            assertThat(result(bob::getLatestMessages, params("CHATROOM", "hall41", "count", 50)).getAsJsonArray()).isEmpty();
            assertThat(result(bob::getConversation, params("CHATROOM", "hall41")).isJsonNull()).isTrue();
            sendOk(alice::sendTextMessage, params("CHATROOM", "hall41", "text", "bob left"));
            assertThat(bobReceived.anyWithin(Duration.ofSeconds(1))).isFalse();
        }
    }

    private void assertJoinDelivers(DevServer server, String user, int count, int expected) throws Exception {
        Replies received = new Replies();
        try (RongCloud client = Clients.signedIn(server, dir.resolve(user), user, new Replies(), received)) {
            result(client::joinChatRoom, room("lobby40", count));
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < expected; i++) {
                Reply reply = received.next();
                texts.add(message(reply).getAsJsonObject("content").get("text").getAsString());
                assertThat(reply.ret().getAsJsonObject("result").get("left").getAsInt()).isEqualTo(expected - 1 - i);
            }
            List<String> wanted = new ArrayList<>();
            for (int i = 61 - expected; i <= 60; i++) {
                wanted.add("m" + i);
            }
            assertThat(texts).as("defMessageCount %d", count).isEqualTo(wanted);
            assertThat(received.anyWithin(Duration.ofMillis(500))).isFalse();
            assertThat(result(client::getLatestMessages, params("CHATROOM", "lobby40", "count", 100)).getAsJsonArray())
                    .hasSize(expected);
        }
    }

    private static void awaitInRoom(RongCloud client, String id) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Replies replies = new Replies();
            client.sendTextMessage(params("CHATROOM", id, "text", "probe " + i), replies);
            replies.next();
            if (replies.next().status().equals("success")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never back in " + id);
    }

    private static JsonObject room(String id, int count) {
        return with(new JsonObject(), "chatRoomId", id, "defMessageCount", count);
    }
}
