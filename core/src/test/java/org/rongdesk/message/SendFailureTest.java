package org.rongdesk.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.testing.Sends.message;
import static org.rongdesk.testing.Sends.params;
import static org.rongdesk.testing.Sends.result;

import com.google.gson.JsonObject;

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
import org.rongdesk.testing.TwoClients;

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
        try (TwoClients both = TwoClients.signIn(server, dir)) {
            server.kill();
            both.aliceStatus.awaitStatus(2, Duration.ofSeconds(10));
            Replies send = new Replies();
            both.alice.sendTextMessage(params("PRIVATE", "bob", "text", "through the outage"), send);
            Reply prepare = send.next();
            long id = message(prepare).get("messageId").getAsLong();
            Reply failed = send.next();
            assertThat(failed.status()).isEqualTo("error");
            assertThat(failed.code()).isEqualTo(-2);
            assertThat(message(failed).get("sentStatus").getAsString()).isEqualTo("FAILED");
            JsonObject stored = result(both.alice::getLatestMessages, params("PRIVATE", "bob", "count", 1))
                    .getAsJsonArray().get(0).getAsJsonObject();
            assertThat(stored.get("messageId").getAsLong()).isEqualTo(id);
            assertThat(stored.get("sentStatus").getAsString()).isEqualTo("FAILED");

            server.start();
            both.aliceStatus.awaitStatus(0, Duration.ofSeconds(60));
            both.bobStatus.awaitStatus(0, Duration.ofSeconds(60));

            JsonObject resend = new JsonObject();
            resend.addProperty("messageId", id);
            Replies again = new Replies();
            both.alice.resendMessage(resend, again);
            Reply repeated = again.next();
            assertThat(repeated.status()).isEqualTo("prepare");
            assertThat(message(repeated).get("messageId").getAsLong()).as("the same message").isEqualTo(id);
            assertThat(again.next().status()).isEqualTo("success");
            both.bobInbox.awaitTexts(List.of("through the outage"), Duration.ofSeconds(30));

            both.alice.resendMessage(resend, again);
            assertThat(again.next().msg()).contains("is not a failed message of yours");
            Thread.sleep(2000); // a second copy would arrive by now
            assertThat(both.bobInbox.total()).as("bob got it once").isEqualTo(1);
            assertThat(result(both.bob::getLatestMessages, params("PRIVATE", "alice", "count", 10)).getAsJsonArray()).hasSize(1);
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
        try (RongCloud alice = TwoClients.shortTimeout(server, dir, "alice", new Replies(), new Replies())) {
            Replies send = new Replies();
            alice.sendTextMessage(params("PRIVATE", "bob", "text", "blocked"), send);
            send.next();
            Reply refused = send.next();
            assertThat(refused.code()).isEqualTo(405);
            assertThat(refused.msg()).contains("blocked");
        }
    }
}
