package org.rongdesk.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.testing.Sends.error;
import static org.rongdesk.testing.Sends.params;
import static org.rongdesk.testing.Sends.result;
import static org.rongdesk.testing.Sends.sendOk;
import static org.rongdesk.testing.Sends.with;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.Replies;

/** searchMessages on what two real clients sent each other through ejabberd. */
@ExtendWith(EjabberdExtension.class)
class SearchMessagesTest {
    @TempDir
    Path dir;

    @Test
    void findsWhatMessagesSayNewestFirstInAnyScript(DevServer server) throws Exception {
        Replies bobReceived = new Replies();
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice80", new Replies());
             RongCloud bob = Clients.signedIn(server, dir.resolve("b"), "bob80", new Replies(), bobReceived)) {
            sendOk(alice::sendTextMessage, params("PRIVATE", "bob80", "text", "午饭在食堂吃"));
            sendOk(alice::sendTextMessage, params("PRIVATE", "bob80", "text", "Lunch at NOON?"));
            sendOk(alice::sendRichContentMessage, params("PRIVATE", "bob80", "title", "Menu", "description",
                    "Dumplings and noodles today", "url", "https://example.com/menu", "imageUrl", ""));
            sendOk(alice::sendLocationMessage, params("PRIVATE", "bob80", "latitude", 39.9, "longitude", 116.4, "poi",
                    "北京食堂 Canteen"));
            sendOk(alice::sendTextMessage, params("PRIVATE", "bob80", "text", "ｆｕｌｌ ｗｉｄｔｈ lunches"));
            for (int i = 0; i < 5; i++) {
                bobReceived.next();
            }

            assertThat(texts(bob, "食堂")).containsExactly("北京食堂 Canteen", "午饭在食堂吃");
            assertThat(texts(bob, "在食堂吃")).containsExactly("午饭在食堂吃");
            assertThat(texts(bob, "食")).containsExactly("北京食堂 Canteen", "午饭在食堂吃");
            assertThat(texts(bob, "堂在")).as("characters in another order").isEmpty();
            assertThat(texts(bob, "lunch")).containsExactly("ｆｕｌｌ ｗｉｄｔｈ lunches", "Lunch at NOON?");
            assertThat(texts(bob, "noon LUN")).containsExactly("Lunch at NOON?");
            assertThat(texts(bob, "FULL")).as("full-width letters").containsExactly("ｆｕｌｌ ｗｉｄｔｈ lunches");
            assertThat(texts(bob, "noodles")).as("rich content's description").containsExactly("Menu");
            assertThat(texts(bob, "canteen 北京")).as("a location's name").containsExactly("北京食堂 Canteen");
            assertThat(texts(bob, "dinner")).isEmpty();
            assertThat(texts(bob, "?!")).as("nothing to look for").isEmpty();
            assertThat(texts(alice, "食堂")).as("the sender finds its own").containsExactly("北京食堂 Canteen", "午饭在食堂吃");

            // count and beginTime page through, newest first
            JsonArray first = search(bob, with(new JsonObject(), "keyword", "lunch", "count", 1));
            assertThat(first).hasSize(1);
            long before = first.get(0).getAsJsonObject().get("sentTime").getAsLong();
            JsonArray next = search(bob, with(new JsonObject(), "keyword", "lunch", "count", 1, "beginTime", before));
            assertThat(text(next.get(0))).isEqualTo("Lunch at NOON?");
            assertThat(next.get(0).getAsJsonObject().get("senderUserId").getAsString()).isEqualTo("alice80");

            // a conversation or a type narrows it
            assertThat(texts(bob, with(params("PRIVATE", "alice80"), "keyword", "食堂"))).hasSize(2);
            assertThat(texts(bob, with(params("PRIVATE", "carol80"), "keyword", "食堂"))).isEmpty();
            assertThat(texts(bob, with(new JsonObject(), "keyword", "食堂", "conversationType", "GROUP"))).isEmpty();

            // deleted and cleared messages are not found
            long canteen = search(bob, with(new JsonObject(), "keyword", "canteen")).get(0).getAsJsonObject()
                    .get("messageId").getAsLong();
            JsonArray ids = new JsonArray();
            ids.add(canteen);
            result(bob::deleteMessages, with(new JsonObject(), "messageIds", ids));
            assertThat(texts(bob, "食堂")).containsExactly("午饭在食堂吃");
            result(bob::clearMessages, params("PRIVATE", "alice80"));
            assertThat(texts(bob, "lunch")).isEmpty();
        }
    }

    @Test
    void theIndexFollowsTheStoreAcrossARestart(DevServer server) throws Exception {
        Path bobDir = dir.resolve("b");
        Replies bobReceived = new Replies();
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice81", new Replies())) {
            try (RongCloud bob = Clients.signedIn(server, bobDir, "bob81", new Replies(), bobReceived)) {
                sendOk(alice::sendTextMessage, params("PRIVATE", "bob81", "text", "before the restart"));
                bobReceived.next();
                assertThat(texts(bob, "restart")).containsExactly("before the restart");
            }
            sendOk(alice::sendTextMessage, params("PRIVATE", "bob81", "text", "during the restart"));
            Replies again = new Replies();
            try (RongCloud bob = Clients.signedIn(server, bobDir, "bob81", new Replies(), again)) {
                again.next();
                assertThat(texts(bob, "restart")).containsExactly("during the restart", "before the restart");
            }

            // an index broken while the client was away is made again from the store
            Path index;
            try (Stream<Path> paths = Files.walk(bobDir)) {
                index = paths.filter(p -> p.getFileName().toString().equals("search") && Files.isDirectory(p)).findFirst().orElseThrow();
            }
            try (Stream<Path> files = Files.list(index)) {
                for (Path file : files.toList()) {
                    Files.write(file, "not an index".getBytes(StandardCharsets.UTF_8));
                }
            }
            try (RongCloud bob = Clients.signedIn(server, bobDir, "bob81", new Replies())) {
                assertThat(texts(bob, "restart")).containsExactly("during the restart", "before the restart");
            }
        }
    }

    @Test
    void badParamsAreMinus10002NamingTheField(DevServer server) throws Exception {
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice82", new Replies())) {
            assertThat(error(alice::searchMessages, new JsonObject()).msg()).isEqualTo("keyword is missing");
            assertThat(error(alice::searchMessages, with(new JsonObject(), "keyword", "  ")).msg()).isEqualTo("keyword is empty");
            assertThat(error(alice::searchMessages, with(new JsonObject(), "keyword", 5)).msg())
                    .isEqualTo("keyword must be a string, not a number");
            assertThat(error(alice::searchMessages, with(new JsonObject(), "keyword", "x", "targetId", "bob")).msg())
                    .isEqualTo("targetId needs conversationType");
            assertThat(error(alice::searchMessages, with(new JsonObject(), "keyword", "x", "count", 0)).code()).isEqualTo(-10002);
            assertThat(error(alice::searchMessages, with(new JsonObject(), "keyword", "x", "beginTime", -1)).msg())
                    .startsWith("beginTime must be between");
            assertThat(error(alice::searchMessages, with(new JsonObject(), "keyword", "x", "conversationType", "NOPE")).code())
                    .isEqualTo(-10002);
        }
    }

    private static List<String> texts(RongCloud client, String keyword) {
        return texts(client, with(new JsonObject(), "keyword", keyword));
    }

    private static List<String> texts(RongCloud client, JsonObject params) {
        List<String> texts = new ArrayList<>();
        search(client, params).forEach(message -> texts.add(text(message)));
        return texts;
    }

    private static JsonArray search(RongCloud client, JsonObject params) {
        return result(client::searchMessages, params).getAsJsonArray();
    }

    private static String text(JsonElement message) {
        JsonObject content = message.getAsJsonObject().getAsJsonObject("content");
        for (String field : List.of("text", "title", "poi")) {
            if (content.has(field)) {
                return content.get(field).getAsString();
            }
        }
        return content.toString();
    }
}
