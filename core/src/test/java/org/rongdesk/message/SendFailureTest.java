package org.rongdesk.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.testing.Sends.message;
import static org.rongdesk.testing.Sends.params;
import static org.rongdesk.testing.Sends.result;

import com.google.gson.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jivesoftware.smackx.blocking.BlockingCommandManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.PrivateServer;
import org.rongdesk.testing.RawXmpp;
import org.rongdesk.testing.Replies;
import org.rongdesk.testing.Replies.Reply;

/** Sends that fail stay in history as FAILED and go through once when sent again; on a server of its own. */
class SendFailureTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final PrivateServer own = new PrivateServer();
    private DevServer server;

    @Test
    void aSendWhileTheServerIsDownFailsAndAResendArrivesOnce() throws Exception {
        server = own.start(dir.resolve("server"));
        Replies aliceStatus = new Replies();
        Replies bobStatus = new Replies();
        Replies received = new Replies();
        try (RongCloud alice = client("alice", aliceStatus, new Replies());
             RongCloud bob = client("bob", bobStatus, received)) {
            aliceStatus.awaitStatus(0, Duration.ofSeconds(10));
            bobStatus.awaitStatus(0, Duration.ofSeconds(10));

            server.kill();
            aliceStatus.awaitStatus(2, Duration.ofSeconds(10));
            Replies send = new Replies();
            alice.sendTextMessage(params("PRIVATE", "bob", "text", "through the outage"), send);
            Reply prepare = send.next();
            long id = message(prepare).get("messageId").getAsLong();
            Reply failed = send.next();
            assertThat(failed.status()).isEqualTo("error");
            assertThat(failed.code()).isEqualTo(-2);
            assertThat(message(failed).get("sentStatus").getAsString()).isEqualTo("FAILED");
            JsonObject stored = result(alice::getLatestMessages, params("PRIVATE", "bob", "count", 1))
                    .getAsJsonArray().get(0).getAsJsonObject();
            assertThat(stored.get("messageId").getAsLong()).isEqualTo(id);
            assertThat(stored.get("sentStatus").getAsString()).isEqualTo("FAILED");

            server.start();
            aliceStatus.awaitStatus(0, Duration.ofSeconds(60));
            bobStatus.awaitStatus(0, Duration.ofSeconds(60));

            JsonObject resend = new JsonObject();
            resend.addProperty("messageId", id);
            Replies again = new Replies();
            alice.resendMessage(resend, again);
            Reply repeated = again.next();
            assertThat(repeated.status()).isEqualTo("prepare");
            assertThat(message(repeated).get("messageId").getAsLong()).as("the same message").isEqualTo(id);
            assertThat(again.next().status()).isEqualTo("success");
            assertThat(message(received.next()).getAsJsonObject("content").get("text").getAsString())
                    .isEqualTo("through the outage");

            alice.resendMessage(resend, again);
            assertThat(again.next().msg()).contains("is not a failed message of yours");
            assertThat(received.anyWithin(Duration.ofSeconds(2))).isFalse();
            assertThat(result(bob::getLatestMessages, params("PRIVATE", "alice", "count", 10)).getAsJsonArray()).hasSize(1);
        }
    }

    @Test
    void sendingToSomeoneYouBlockedIs405() throws Exception {
        server = own.start(dir.resolve("server"));
        Clients.register(server, "bob");
        try (RawXmpp plain = RawXmpp.signIn(server, "alice")) {
            List<Jid> bob = List.of(JidCreate.from("bob@demo.local"));
            BlockingCommandManager.getInstanceFor(plain.connection()).blockContacts(bob);
        }
        try (RongCloud alice = client("alice", new Replies(), new Replies())) {
            Replies send = new Replies();
            alice.sendTextMessage(params("PRIVATE", "bob", "text", "blocked"), send);
            send.next();
            Reply refused = send.next();
            assertThat(refused.code()).isEqualTo(405);
            assertThat(refused.msg()).contains("blocked");
        }
    }

    private RongCloud client(String user, Replies status, Replies received) throws Exception {
        Path clientDir = dir.resolve(user);
        Files.createDirectories(clientDir);
        Path config = Clients.config(clientDir, "appKey", "demo.local", "server", "127.0.0.1:" + server.settings().c2sPort(),
                "tls", "disabled", "timeout", "2000");
        RongCloud client = new RongCloud(config, clientDir.resolve("data"));
        Replies replies = new Replies();
        client.init(replies);
        replies.next();
        client.setConnectionStatusListener(status);
        client.setOnReceiveMessageListener(received);
        client.connect(Clients.token(server.token(user, Duration.ofHours(1))), replies);
        assertThat(replies.next().status()).isEqualTo("success");
        return client;
    }
}
