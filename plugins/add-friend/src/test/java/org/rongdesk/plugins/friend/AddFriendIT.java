package org.rongdesk.plugins.friend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.testing.ContactLists.contacts;
import static org.rongdesk.testing.Sends.error;
import static org.rongdesk.testing.Sends.message;
import static org.rongdesk.testing.Sends.params;
import static org.rongdesk.testing.Sends.result;
import static org.rongdesk.testing.Sends.sendOk;
import static org.rongdesk.testing.Sends.with;

import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.ContactLists;
import org.rongdesk.testing.Replies;

/** The spec's AddFriend example, end to end between two clients with the plugin jar as built. */
@ExtendWith(EjabberdExtension.class)
class AddFriendIT {
    @TempDir
    Path dir;

    @Test
    void aFriendRequestIsAskedAndTheAnswerGoesBack(DevServer server) throws Exception {
        Clients.installPlugins(dir.resolve("a"), List.of(Clients.builtPluginJar()), Map.of());
        Clients.installPlugins(dir.resolve("b"), List.of(Clients.builtPluginJar()), Map.of());
        Replies aliceEvents = new Replies();
        Replies bobEvents = new Replies();
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice60", new Replies());
             RongCloud bob = Clients.signedIn(server, dir.resolve("b"), "bob60", new Replies())) {
            alice.setPluginEventListener(aliceEvents);
            bob.setPluginEventListener(bobEvents);

            sendOk(alice::sendCommandNotificationMessage, params("PRIVATE", "bob60", "name", "AddFriend",
                    "data", "{\"inviteUserId\":\"alice60\"}"));
            JsonObject question = bobEvents.next().ret().getAsJsonObject("result");
            assertThat(question.get("type").getAsString()).isEqualTo("question");
            assertThat(question.get("pluginId").getAsString()).isEqualTo("add-friend");
            assertThat(question.get("text").getAsString()).isEqualTo("alice60 wants to add you as a friend.");
            assertThat(question.getAsJsonArray("choices").toString()).isEqualTo("[\"Accept\",\"Decline\"]");
            String questionId = question.get("questionId").getAsString();

            assertThat(error(bob::answerPluginQuestion, with(new JsonObject(), "questionId", questionId, "choice", "Maybe")).msg())
                    .isEqualTo("choice must be one of [Accept, Decline], not 'Maybe'");
            result(bob::answerPluginQuestion, with(new JsonObject(), "questionId", questionId, "choice", "Accept"));
            assertThat(bobEvents.next().ret().getAsJsonObject("result").get("text").getAsString())
                    .isEqualTo("You and alice60 are friends now.");
            assertThat(aliceEvents.next().ret().getAsJsonObject("result").get("text").getAsString())
                    .isEqualTo("bob60 accepted your friend request.");
            assertThat(error(bob::answerPluginQuestion, with(new JsonObject(), "questionId", questionId, "choice", "Accept")).msg())
                    .as("answered once").contains("there is no open question");
            assertThat(awaitContact(alice, "bob60")).as("friends see each other's presence").isEqualTo("both online");
            assertThat(awaitContact(bob, "alice60")).isEqualTo("both online");

            sendOk(alice::sendCommandNotificationMessage, params("PRIVATE", "bob60", "name", "AddFriend",
                    "data", "{\"inviteUserId\":\"mallory\"}"));
            assertThat(bobEvents.anyWithin(Duration.ofSeconds(2))).as("a request naming someone else is ignored").isFalse();
        }
    }

    @Test
    void anAcceptanceNobodyAskedForMakesNoContact(DevServer server) throws Exception {
        Clients.installPlugins(dir.resolve("a"), List.of(Clients.builtPluginJar()), Map.of());
        Replies aliceEvents = new Replies();
        try (RongCloud alice = Clients.signedIn(server, dir.resolve("a"), "alice61", new Replies());
             RongCloud mallory = Clients.signedIn(server, dir.resolve("m"), "mallory61", new Replies())) {
            alice.setPluginEventListener(aliceEvents);
            Replies received = new Replies();
            alice.setOnReceiveMessageListener(received);
            sendOk(mallory::sendCommandNotificationMessage, params("PRIVATE", "alice61", "name", "AddFriend.accepted",
                    "data", "{\"userId\":\"mallory61\"}"));
            assertThat(message(received.next()).get("objectName").getAsString()).isEqualTo("RC:CmdNtf");
            assertThat(aliceEvents.anyWithin(Duration.ofSeconds(2))).as("not announced").isFalse();
            assertThat(contacts(alice)).as("not a contact").isEmpty();
        }
    }

    /** Waits until {@code userId} is among {@code client}'s contacts, both ways and online; "subscription presence". */
    private static String awaitContact(RongCloud client, String userId) throws InterruptedException {
        return ContactLists.await(client, userId,
                contact -> ContactLists.subscription(contact) + " " + contact.get("presence").getAsString(), "both online");
    }
}
