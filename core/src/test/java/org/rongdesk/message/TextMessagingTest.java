package org.rongdesk.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.testing.Sends.params;

import com.google.gson.JsonObject;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.Replies;
import org.rongdesk.testing.Replies.Reply;

/** Text messages between two real clients through a real ejabberd. */
@ExtendWith(EjabberdExtension.class)
class TextMessagingTest {
    @TempDir
    Path dir;

    @Test
    void aTextRoundTripsAndBothSidesStoreIt(DevServer server) throws Exception {
        Replies bobReceived = new Replies();
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("alice"), "alice1", new Replies());
             RongCloud bob = Clients.signedIn(server, dir.resolve("bob"), "bob1", new Replies(), bobReceived)) {
            Replies send = new Replies();
            alice.sendTextMessage(params("PRIVATE", "bob1", "text", "你好 <b>&amp; \"bob\"", "extra", "e1"), send);

            Reply prepare = send.next();
            assertThat(prepare.status()).isEqualTo("prepare");
            JsonObject prepared = prepare.ret().getAsJsonObject("result").getAsJsonObject("message");
            assertThat(prepared.get("sentStatus").getAsString()).isEqualTo("SENDING");
            assertThat(prepared.get("messageDirection").getAsString()).isEqualTo("SEND");
            assertThat(prepared.get("senderUserId").getAsString()).isEqualTo("alice1");
            assertThat(prepared.get("objectName").getAsString()).isEqualTo("RC:TxtMsg");
            long id = prepared.get("messageId").getAsLong();
            Reply success = send.next();
            assertThat(success.status()).isEqualTo("success");
            assertThat(success.ret().toString()).isEqualTo("{\"status\":\"success\",\"result\":{\"message\":{\"messageId\":" + id + "}}}");

            Reply received = bobReceived.next();
            JsonObject message = received.ret().getAsJsonObject("result").getAsJsonObject("message");
            assertThat(received.ret().getAsJsonObject("result").get("left").getAsInt()).isZero();
            assertThat(message.getAsJsonObject("content").get("text").getAsString()).isEqualTo("你好 <b>&amp; \"bob\"");
            assertThat(message.getAsJsonObject("content").get("extra").getAsString()).isEqualTo("e1");
            assertThat(message.get("senderUserId").getAsString()).isEqualTo("alice1");
            assertThat(message.get("targetId").getAsString()).isEqualTo("alice1");
            assertThat(message.get("messageDirection").getAsString()).isEqualTo("RECEIVE");

            Replies replies = new Replies();
            bob.getConversationList(replies);
            JsonObject conversation = replies.next().ret().getAsJsonArray("result").get(0).getAsJsonObject();
            assertThat(conversation.get("targetId").getAsString()).isEqualTo("alice1");
            assertThat(conversation.get("unreadMessageCount").getAsInt()).isEqualTo(1);

            alice.getLatestMessages(params("PRIVATE", "bob1", "count", 10), replies);
            JsonObject sent = replies.next().ret().getAsJsonArray("result").get(0).getAsJsonObject();
            assertThat(sent.get("sentStatus").getAsString()).isEqualTo("SENT");
            assertThat(sent.get("messageId").getAsLong()).isEqualTo(id);
        }
    }
}
