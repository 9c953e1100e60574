package org.rongdesk.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.testing.Sends.error;
import static org.rongdesk.testing.Sends.message;
import static org.rongdesk.testing.Sends.params;
import static org.rongdesk.testing.Sends.result;
import static org.rongdesk.testing.Sends.sendOk;
import static org.rongdesk.testing.Sends.with;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smackx.message_correct.element.MessageCorrectExtension;
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

/** Recalls (XEP-0424) and corrections (XEP-0308) between Rong Desk clients, in a group, offline and with a plain client. */
@ExtendWith(EjabberdExtension.class)
class RevisionsTest {
    private static final Duration SOON = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void theSenderRecallsAndCorrectsTheReceiversCopyChanges(DevServer server) throws Exception {
        Replies bobReceived = new Replies();
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice97", new Replies());
             RongCloud bob = Clients.signedIn(server, dir.resolve("b"), "bob97", new Replies(), bobReceived)) {
            Replies recalls = new Replies();
            Replies edits = new Replies();
            bob.setOnRecallMessageListener(recalls);
            bob.setOnMessageEditedListener(edits);
            long secret = sendOk(alice::sendTextMessage, params("PRIVATE", "bob97", "text", "the secret plan"));
            long typo = sendOk(alice::sendTextMessage, params("PRIVATE", "bob97", "text", "helo wrold"));
            long bobsSecret = message(bobReceived.next()).get("messageId").getAsLong();
            long bobsTypo = message(bobReceived.next()).get("messageId").getAsLong();

            JsonObject recalled = result(alice::recallMessage, with(new JsonObject(), "messageId", secret)).getAsJsonObject();
            assertThat(recalled.get("objectName").getAsString()).isEqualTo("RC:RcNtf");
            assertThat(recalled.getAsJsonObject("content").get("originalObjectName").getAsString()).isEqualTo("RC:TxtMsg");
            JsonObject event = recalls.next(SOON).ret().getAsJsonObject("result");
            assertThat(event.get("messageId").getAsLong()).isEqualTo(bobsSecret);
            assertThat(event.get("conversationType").getAsString()).isEqualTo("PRIVATE");
            assertThat(event.get("targetId").getAsString()).isEqualTo("alice97");
            assertThat(event.get("senderUserId").getAsString()).isEqualTo("alice97");
            JsonArray bobsHistory = result(bob::getLatestMessages, params("PRIVATE", "alice97", "count", 10)).getAsJsonArray();
            assertThat(bobsHistory).hasSize(2);
            assertThat(bobsHistory.get(1).getAsJsonObject().get("objectName").getAsString()).isEqualTo("RC:RcNtf");
            assertThat(bobsHistory.get(1).getAsJsonObject().getAsJsonObject("content").toString()).doesNotContain("secret");
            assertThat(search(bob, "secret")).as("a recalled text is not found").isEmpty();
            assertThat(search(alice, "secret")).isEmpty();
            assertThat(result(bob::getUnreadCount, params("PRIVATE", "alice97")).getAsInt()).as("a recall is not unread").isEqualTo(1);

            JsonObject edited = result(alice::editMessage, with(new JsonObject(), "messageId", typo, "text", "hello world"))
                    .getAsJsonObject();
            assertThat(edited.getAsJsonObject("content").get("edited").getAsBoolean()).isTrue();
            JsonObject bobsEdit = edits.next(SOON).ret().getAsJsonObject("result").getAsJsonObject("message");
            assertThat(bobsEdit.get("messageId").getAsLong()).isEqualTo(bobsTypo);
            assertThat(bobsEdit.getAsJsonObject("content").get("text").getAsString()).isEqualTo("hello world");
            assertThat(bobsEdit.getAsJsonObject("content").get("edited").getAsBoolean()).isTrue();
            assertThat(result(bob::getLatestMessages, params("PRIVATE", "alice97", "count", 10)).getAsJsonArray())
                    .as("one message, not two").hasSize(2);
            assertThat(search(bob, "world")).hasSize(1);
            assertThat(search(bob, "wrold")).isEmpty();

            assertThat(error(alice::recallMessage, with(new JsonObject(), "messageId", secret)).msg())
                    .isEqualTo("messageId: message " + secret + " is recalled already");
            assertThat(error(bob::recallMessage, with(new JsonObject(), "messageId", bobsTypo)).msg())
                    .isEqualTo("messageId: message " + bobsTypo + " is not one of yours to recall");
            assertThat(error(alice::recallMessage, with(new JsonObject(), "messageId", 987_654_321L)).msg())
                    .isEqualTo("messageId: there is no message 987654321");
            assertThat(error(alice::editMessage, with(new JsonObject(), "messageId", secret, "text", "x")).msg())
                    .isEqualTo("messageId: message " + secret + " is not a text message (RC:RcNtf)");
            assertThat(error(alice::editMessage, with(new JsonObject(), "messageId", typo, "text", "")).msg())
                    .isEqualTo("text must not be empty");
            assertThat(error(alice::editMessage, with(new JsonObject(), "messageId", typo)).msg()).isEqualTo("text is missing");
        }
    }

    @Test
    void aRecallReachesAReceiverWhoWasAwayAndAGroup(DevServer server) throws Exception {
        Path bobDir = dir.resolve("b");
        Replies bobReceived = new Replies();
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice98", new Replies())) {
            long sent;
            try (RongCloud bob = Clients.signedIn(server, bobDir, "bob98", new Replies(), bobReceived)) {
                sent = sendOk(alice::sendTextMessage, params("PRIVATE", "bob98", "text", "said too soon"));
                bobReceived.next();
            }
            result(alice::recallMessage, with(new JsonObject(), "messageId", sent));
            Replies recalls = new Replies();
            try (RongCloud bob = Clients.forServer(server, bobDir)) {
                Replies init = new Replies();
                bob.init(init);
                init.next();
                bob.setOnRecallMessageListener(recalls); // heard from the first catch-up on
                Clients.signIn(bob, server, "bob98", new Replies(), new Replies());
                JsonObject away = recalls.next(SOON).ret().getAsJsonObject("result");
                assertThat(away.get("conversationType").getAsString()).as("recalled while bob was away").isEqualTo("PRIVATE");
                assertThat(result(bob::getLatestMessages, params("PRIVATE", "alice98", "count", 1)).getAsJsonArray()
                        .get(0).getAsJsonObject().get("objectName").getAsString()).isEqualTo("RC:RcNtf");

                JsonObject group = new JsonObject();
                group.addProperty("groupId", "g98");
                group.addProperty("groupName", "G");
                result(alice::joinGroup, group);
                result(bob::joinGroup, group);
                long inGroup = sendOk(alice::sendTextMessage, params("GROUP", "g98", "text", "to everyone"));
                Thread.sleep(500);
                result(alice::recallMessage, with(new JsonObject(), "messageId", inGroup));
                JsonObject event = recalls.next(SOON).ret().getAsJsonObject("result");
                assertThat(event.get("conversationType").getAsString()).isEqualTo("GROUP");
                assertThat(event.get("senderUserId").getAsString()).isEqualTo("alice98");
            }
        }
    }

    @Test
    void aPlainXmppClientsRetractionsAndCorrectionsWorkBothWays(DevServer server) throws Exception {
        BlockingQueue<Message> toCarol = new LinkedBlockingQueue<>();
        Replies aliceReceived = new Replies();
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice99", new Replies(), aliceReceived);
             RawXmpp carol = RawXmpp.signIn(server, "carol99", toCarol::add)) {
            Replies recalls = new Replies();
            Replies edits = new Replies();
            alice.setOnRecallMessageListener(recalls);
            alice.setOnMessageEditedListener(edits);
            String alice99 = "alice99@" + server.settings().appKey();
            carol.connection().sendStanza(chat(alice99, "c-1").setBody("oops").build());
            carol.connection().sendStanza(chat(alice99, "c-2").setBody("teh cat").build());
            aliceReceived.next();
            aliceReceived.next();
            carol.connection().sendStanza(chat(alice99, "c-3").setBody("fallback for others")
                    .addExtension(StandardExtensionElement.builder("retract", "urn:xmpp:message-retract:1").addAttribute("id", "c-1")
                            .build()).build());
            recalls.next(SOON);
            carol.connection().sendStanza(chat(alice99, "c-4").setBody("the cat").addExtension(new MessageCorrectExtension("c-2")).build());
            JsonObject corrected = edits.next(SOON).ret().getAsJsonObject("result").getAsJsonObject("message");
            assertThat(corrected.getAsJsonObject("content").get("text").getAsString()).isEqualTo("the cat");
            assertThat(result(alice::getLatestMessages, params("PRIVATE", "carol99", "count", 10)).getAsJsonArray())
                    .as("neither the retraction nor the correction is a message of its own").hasSize(2);

            long mine = sendOk(alice::sendTextMessage, params("PRIVATE", "carol99", "text", "never mind"));
            Message original = toCarol.poll(5, TimeUnit.SECONDS);
            result(alice::recallMessage, with(new JsonObject(), "messageId", mine));
            Message retraction = toCarol.poll(5, TimeUnit.SECONDS);
            StandardExtensionElement retract = (StandardExtensionElement) retraction.getExtensionElement("retract",
                    "urn:xmpp:message-retract:1");
            assertThat(retract.getAttributeValue("id")).isEqualTo(OriginIdElement.getOriginId(original).getId());
            assertThat(retraction.getBody()).as("a fallback for clients without retractions").isNotBlank();
        }
    }

    private static org.jivesoftware.smack.packet.MessageBuilder chat(String to, String id) throws Exception {
        return StanzaBuilder.buildMessage(id).to(JidCreate.entityBareFrom(to)).ofType(Message.Type.chat)
                .addExtension(new OriginIdElement(id));
    }

    private static JsonArray search(RongCloud client, String keyword) {
        return result(client::searchMessages, with(new JsonObject(), "keyword", keyword)).getAsJsonArray();
    }
}
