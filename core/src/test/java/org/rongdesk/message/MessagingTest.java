package org.rongdesk.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.testing.Sends.error;
import static org.rongdesk.testing.Sends.message;
import static org.rongdesk.testing.Sends.params;
import static org.rongdesk.testing.Sends.result;
import static org.rongdesk.testing.Sends.sendOk;

import com.google.gson.JsonArray;
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
import org.rongdesk.testing.RawXmpp;
import org.rongdesk.testing.Replies;
import org.rongdesk.testing.Replies.Reply;

/** The message kinds without files, offline delivery and foreign or broken stanzas, between real clients. */
@ExtendWith(EjabberdExtension.class)
class MessagingTest {
    @TempDir
    Path dir;

    @Test
    void richContentLocationAndCommandRoundTrip(DevServer server) throws Exception {
        Replies received = new Replies();
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice2", new Replies());
             RongCloud bob = Clients.signedIn(server, dir.resolve("b"), "bob2", new Replies(), received)) {
            sendOk(alice::sendRichContentMessage, params("PRIVATE", "bob2", "title", "Big News",
                    "description", "I am Ironman.", "imageUrl", "http://p1.cdn.example/fds.jpg", "url", "https://example.org/a"));
            sendOk(alice::sendLocationMessage, params("PRIVATE", "bob2", "latitude", 39.9139, "longitude", 116.3917,
                    "poi", "北京市朝阳区北苑路北辰泰岳大厦"));
            sendOk(alice::sendCommandNotificationMessage, params("PRIVATE", "bob2", "name", "AddFriend",
                    "data", "{\"inviteUserId\":123}"));

            JsonObject rich = message(received.next());
            assertThat(rich.get("objectName").getAsString()).isEqualTo("RC:ImgTextMsg");
            assertThat(rich.getAsJsonObject("content").toString()).isEqualTo("{\"title\":\"Big News\",\"description\":\"I am Ironman.\","
                    + "\"imageUrl\":\"http://p1.cdn.example/fds.jpg\",\"url\":\"https://example.org/a\",\"extra\":\"\"}");
            JsonObject location = message(received.next()).getAsJsonObject("content");
            assertThat(location.get("latitude").getAsDouble()).isEqualTo(39.9139);
            assertThat(location.get("longitude").getAsDouble()).isEqualTo(116.3917);
            assertThat(location.get("poi").getAsString()).isEqualTo("北京市朝阳区北苑路北辰泰岳大厦");
            assertThat(location.get("imagePath").getAsString()).isEmpty();
            JsonObject command = message(received.next());
            assertThat(command.get("objectName").getAsString()).isEqualTo("RC:CmdNtf");
            assertThat(command.getAsJsonObject("content").get("data").getAsString()).isEqualTo("{\"inviteUserId\":123}");

            assertThat(result(bob::getUnreadCount, params("PRIVATE", "alice2")).getAsInt())
                    .as("the command is stored but not counted").isEqualTo(2);
            JsonArray history = result(bob::getLatestMessages, params("PRIVATE", "alice2", "count", 10)).getAsJsonArray();
            assertThat(history).hasSize(3);
            assertThat(history.get(0).getAsJsonObject().get("objectName").getAsString()).isEqualTo("RC:CmdNtf");
        }
    }

    @Test
    void messagesSentWhileOfflineArriveOnceWithLeftCountingDown(DevServer server) throws Exception {
        Replies received = new Replies();
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice3", new Replies())) {
            server.token("bob3", Duration.ofHours(1));
            for (int i = 1; i <= 5; i++) {
                sendOk(alice::sendTextMessage, params("PRIVATE", "bob3", "text", "offline " + i));
            }
            try (RongCloud bob = Clients.signedIn(server, dir.resolve("b"), "bob3", new Replies(), received)) {
                List<String> texts = new ArrayList<>();
                List<Integer> left = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    Reply reply = received.next();
                    texts.add(message(reply).getAsJsonObject("content").get("text").getAsString());
                    left.add(reply.ret().getAsJsonObject("result").get("left").getAsInt());
                }
                assertThat(texts).containsExactly("offline 1", "offline 2", "offline 3", "offline 4", "offline 5");
                assertThat(left).containsExactly(4, 3, 2, 1, 0);

                result(bob::disconnect, new JsonObject()); // gone before anything is sent to him
                sendOk(alice::sendTextMessage, params("PRIVATE", "bob3", "text", "while away"));
                sendOk(alice::sendTextMessage, params("PRIVATE", "bob3", "text", "still away"));
                Replies reconnect = new Replies();
                bob.reconnect(reconnect);
                assertThat(reconnect.next().status()).isEqualTo("success");
                Reply first = received.next();
                Reply second = received.next();
                assertThat(message(first).getAsJsonObject("content").get("text").getAsString()).isEqualTo("while away");
                assertThat(first.ret().getAsJsonObject("result").get("left").getAsInt()).isEqualTo(1);
                assertThat(message(second).getAsJsonObject("content").get("text").getAsString()).isEqualTo("still away");
                assertThat(second.ret().getAsJsonObject("result").get("left").getAsInt()).isZero();

                bob.reconnect(reconnect);
                reconnect.next();
                assertThat(received.anyWithin(Duration.ofSeconds(2))).as("nothing delivered twice").isFalse();
                assertThat(result(bob::getLatestMessages, params("PRIVATE", "alice3", "count", 100)).getAsJsonArray())
                        .as("stored once each").hasSize(7);
                assertThat(result(bob::getUnreadCount, params("PRIVATE", "alice3")).getAsInt()).isEqualTo(7);
            }
        }
    }

    @Test
    void messagesReadOnAnotherDeviceComeFromTheArchiveToThisOne(DevServer server) throws Exception {
        Path laptop = dir.resolve("laptop");
        Path desktop = dir.resolve("desktop");
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice16", new Replies())) {
            Replies laptopFirst = new Replies();
            try (RongCloud bob = Clients.signedIn(server, laptop, "bob16", new Replies(), laptopFirst)) {
                sendOk(alice::sendTextMessage, params("PRIVATE", "bob16", "text", "seen on the laptop"));
                assertThat(text(laptopFirst.next())).as("stored on the laptop before it closes").isEqualTo("seen on the laptop");
            }
            Replies desktopReceived = new Replies();
            try (RongCloud bob = Clients.signedIn(server, desktop, "bob16", new Replies(), desktopReceived)) {
                assertThat(desktopReceived.anyWithin(Duration.ofSeconds(1)))
                        .as("a new device does not import what another device already received").isFalse();
                sendOk(alice::sendTextMessage, params("PRIVATE", "bob16", "text", "one"));
                sendOk(alice::sendTextMessage, params("PRIVATE", "bob16", "text", "two"));
                sendOk(bob::sendTextMessage, params("PRIVATE", "alice16", "text", "my answer from the desktop"));
                desktopReceived.next();
                desktopReceived.next();
            }
            Replies laptopReceived = new Replies();
            try (RongCloud bob = Clients.signedIn(server, laptop, "bob16", new Replies(), laptopReceived)) {
                Reply one = laptopReceived.next();
                Reply two = laptopReceived.next();
                assertThat(text(one)).isEqualTo("one");
                assertThat(one.ret().getAsJsonObject("result").get("left").getAsInt()).isEqualTo(1);
                assertThat(text(two)).isEqualTo("two");
                assertThat(two.ret().getAsJsonObject("result").get("left").getAsInt()).isZero();
                JsonArray history = result(bob::getLatestMessages, params("PRIVATE", "alice16", "count", 10)).getAsJsonArray();
                assertThat(history).hasSize(4);
                JsonObject answer = history.get(0).getAsJsonObject();
                assertThat(answer.get("messageDirection").getAsString()).as("own message sent elsewhere").isEqualTo("SEND");
                assertThat(answer.getAsJsonObject("content").get("text").getAsString()).isEqualTo("my answer from the desktop");
                assertThat(laptopReceived.anyWithin(Duration.ofSeconds(1))).isFalse();
            }
        }
    }

    @Test
    void aPlainXmppClientsBodyIsAText(DevServer server) throws Exception {
        Replies received = new Replies();
        try (RongCloud bob = Clients.signedIn(server, dir, "bob4", new Replies(), received);
             RawXmpp carol = RawXmpp.signIn(server, "carol4")) {
            Thread.sleep(300); // bob goes online once catch-up is done
            carol.sendBody("bob4", "hello from a plain client");
            JsonObject message = message(received.next());
            assertThat(message.get("objectName").getAsString()).isEqualTo("RC:TxtMsg");
            assertThat(message.getAsJsonObject("content").get("text").getAsString()).isEqualTo("hello from a plain client");
            assertThat(message.get("senderUserId").getAsString()).isEqualTo("carol4");
        }
    }

    @Test
    void brokenPayloadsNeverBreakReceiving(DevServer server) throws Exception {
        Replies received = new Replies();
        try (RongCloud bob = Clients.signedIn(server, dir, "bob5", new Replies(), received);
             RawXmpp mallory = RawXmpp.signIn(server, "mallory5")) {
            Thread.sleep(300);
            mallory.sendPayload("bob5", "RC:TxtMsg", "{not json", "fallback one");
            mallory.sendPayload("bob5", "RC:TxtMsg", "{\"text\": 42}", "fallback two");
            mallory.sendPayload("bob5", "RC:ImgMsg", "{\"imageUrl\":\"file:///etc/passwd\"}", "fallback three");
            mallory.sendPayload("bob5", "RC:TxtMsg", "{broken", null);
            mallory.sendPayload("bob5", "App:Poll", "{\"question\":\"Lunch?\",\"options\":[\"yes\",\"no\"]}", "[Poll] Lunch?");
            mallory.sendPayload("bob5", "RC:TxtMsg", "{\"text\":\"still fine\",\"senderUserId\":\"admin\"}", "still fine");

            assertThat(text(received.next())).isEqualTo("fallback one");
            assertThat(text(received.next())).isEqualTo("fallback two");
            assertThat(text(received.next())).isEqualTo("fallback three");
            JsonObject poll = message(received.next());
            assertThat(poll.get("objectName").getAsString()).isEqualTo("App:Poll");
            assertThat(poll.getAsJsonObject("content").get("question").getAsString()).isEqualTo("Lunch?");
            JsonObject last = message(received.next());
            assertThat(last.getAsJsonObject("content").get("text").getAsString()).isEqualTo("still fine");
            assertThat(last.getAsJsonObject("content").has("senderUserId")).as("unknown fields are dropped").isFalse();
            assertThat(last.get("senderUserId").getAsString()).as("the sender is who the server says").isEqualTo("mallory5");
        }
    }

    @Test
    void sendsCheckTheirParams(DevServer server) throws Exception {
        try (RongCloud alice = Clients.signedIn(server, dir, "alice6", new Replies())) {
            Clients.register(server, "bob6");
            assertThat(error(alice::sendTextMessage, params("PRIVATE", "bob6")).msg()).isEqualTo("text is missing");
            assertThat(error(alice::sendTextMessage, params("GROUPIE", "x", "text", "t")).msg())
                    .startsWith("conversationType must be one of PRIVATE, DISCUSSION");
            assertThat(error(alice::sendTextMessage, params("PRIVATE", "", "text", "t")).msg()).isEqualTo("targetId must not be empty");
            assertThat(error(alice::sendTextMessage, params("SYSTEM", "demo.local", "text", "t")).code()).isEqualTo(-10002);
            assertThat(error(alice::sendLocationMessage, params("PRIVATE", "bob6", "latitude", 91, "longitude", 0)).msg())
                    .isEqualTo("latitude must be between -90.0 and 90.0, not 91");
            assertThat(error(alice::sendRichContentMessage, params("PRIVATE", "bob6", "title", "t", "imageUrl", "javascript:alert(1)"))
                    .msg()).startsWith("imageUrl must be an http or https URL");
            assertThat(error(alice::sendCommandNotificationMessage, params("PRIVATE", "bob6", "data", "{}")).msg())
                    .isEqualTo("name is missing");
        }
    }

    private static String text(Reply reply) {
        return message(reply).getAsJsonObject("content").get("text").getAsString();
    }

}
