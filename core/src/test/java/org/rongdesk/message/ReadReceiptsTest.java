package org.rongdesk.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.testing.Sends.error;
import static org.rongdesk.testing.Sends.params;
import static org.rongdesk.testing.Sends.result;
import static org.rongdesk.testing.Sends.sendOk;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smackx.chat_markers.element.ChatMarkersElements;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.RawXmpp;
import org.rongdesk.testing.Replies;
import org.rongdesk.testing.Replies.Reply;

/** Read receipts (XEP-0333 chat markers) between Rong Desk clients and with a plain XMPP client. */
@ExtendWith(EjabberdExtension.class)
class ReadReceiptsTest {
    private static final Duration SOON = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void whatThePeerReadBecomesRead(DevServer server) throws Exception {
        Replies bobReceived = new Replies();
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice95", new Replies());
             RongCloud bob = Clients.signedIn(server, dir.resolve("b"), "bob95", new Replies(), bobReceived)) {
            Replies receipts = new Replies();
            alice.setReadReceiptListener(receipts);
            for (String text : List.of("one", "two", "three")) {
                sendOk(alice::sendTextMessage, params("PRIVATE", "bob95", "text", text));
                bobReceived.next();
            }
            result(bob::sendReadReceiptMessage, params("PRIVATE", "alice95"));
            JsonObject event = receipts.next(SOON).ret().getAsJsonObject("result");
            assertThat(event.get("conversationType").getAsString()).isEqualTo("PRIVATE");
            assertThat(event.get("targetId").getAsString()).isEqualTo("bob95");
            assertThat(event.get("lastMessageSendTime").getAsLong()).isEqualTo(sentTimeOf(alice, "bob95", "three"));
            assertThat(statuses(alice, "bob95")).containsExactly("READ", "READ", "READ");
            JsonObject conversation = result(alice::getConversation, params("PRIVATE", "bob95")).getAsJsonObject();
            assertThat(conversation.get("sentStatus").getAsString()).as("the conversation list says so too").isEqualTo("READ");

            sendOk(alice::sendTextMessage, params("PRIVATE", "bob95", "text", "four"));
            bobReceived.next();
            assertThat(statuses(alice, "bob95")).containsExactly("SENT", "READ", "READ", "READ");
            assertThat(error(bob::sendReadReceiptMessage, params("GROUP", "g95")).code()).isEqualTo(-10002);
        }
    }

    @Test
    void aPlainXmppClientsMarkersArriveAndOursReachIt(DevServer server) throws Exception {
        BlockingQueue<Message> toCarol = new LinkedBlockingQueue<>();
        Replies aliceReceived = new Replies();
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice96", new Replies(), aliceReceived);
             RawXmpp carol = RawXmpp.signIn(server, "carol96", toCarol::add)) {
            Replies receipts = new Replies();
            alice.setReadReceiptListener(receipts);
            String appKey = server.settings().appKey();
            sendOk(alice::sendTextMessage, params("PRIVATE", "carol96", "text", "hi carol"));
            Message hi = toCarol.poll(5, TimeUnit.SECONDS);
            assertThat(hi.hasExtension(ChatMarkersElements.MarkableExtension.QNAME)).as("markable").isTrue();
            carol.connection().sendStanza(StanzaBuilder.buildMessage().to(JidCreate.entityBareFrom("alice96@" + appKey))
                    .ofType(Message.Type.chat).addExtension(new ChatMarkersElements.DisplayedExtension(hi.getStanzaId())).build());
            receipts.next(SOON);
            assertThat(statuses(alice, "carol96")).containsExactly("READ");

            carol.connection().sendStanza(StanzaBuilder.buildMessage("carol-1").to(JidCreate.entityBareFrom("alice96@" + appKey))
                    .ofType(Message.Type.chat).setBody("hello alice").addExtension(new OriginIdElement("carol-1")).build());
            aliceReceived.next();
            result(alice::sendReadReceiptMessage, params("PRIVATE", "carol96"));
            Message displayed = toCarol.poll(5, TimeUnit.SECONDS);
            assertThat(ChatMarkersElements.DisplayedExtension.from(displayed).getId()).isEqualTo("carol-1");
            assertThat(displayed.getBody()).isNull();
        }
    }

    private static List<String> statuses(RongCloud client, String peer) {
        List<String> statuses = new ArrayList<>();
        for (JsonElement message : result(client::getLatestMessages, params("PRIVATE", peer, "count", 20)).getAsJsonArray()) {
            statuses.add(message.getAsJsonObject().get("sentStatus").getAsString());
        }
        return statuses;
    }

    private static long sentTimeOf(RongCloud client, String peer, String text) {
        for (JsonElement message : result(client::getLatestMessages, params("PRIVATE", peer, "count", 20)).getAsJsonArray()) {
            JsonObject m = message.getAsJsonObject();
            if (m.getAsJsonObject("content").get("text").getAsString().equals(text)) {
                return m.get("sentTime").getAsLong();
            }
        }
        throw new AssertionError("no message " + text);
    }
}
