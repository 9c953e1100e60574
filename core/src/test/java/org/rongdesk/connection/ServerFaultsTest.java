package org.rongdesk.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.testing.Sends.message;
import static org.rongdesk.testing.Sends.params;
import static org.rongdesk.testing.Sends.result;
import static org.rongdesk.testing.Sends.sendOk;

import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.receipts.DeliveryReceiptManager;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.base.ErrorCode;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.testing.Histories;
import org.rongdesk.testing.Inbox;
import org.rongdesk.testing.PrivateServer;
import org.rongdesk.testing.RawXmpp;
import org.rongdesk.testing.Replies.Reply;
import org.rongdesk.testing.Replies;
import org.rongdesk.testing.SendLog;
import org.rongdesk.testing.TwoClients;

/** The server killed or frozen under the clients' feet, on a server of the test's own. */
class ServerFaultsTest {
    private static final int MESSAGES = 1000;
    private static final Duration BACK = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    @RegisterExtension
    final PrivateServer own = new PrivateServer();
    private DevServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = own.start(dir.resolve("server"));
    }

    @Test
    void aServerKilledMidStreamLosesNothingAndDeliversNothingTwice() throws Exception {
        try (TwoClients both = TwoClients.signIn(server, dir)) {

            SendLog sends = new SendLog();
            for (int i = 0; i < MESSAGES; i++) {
                both.alice.sendTextMessage(params("PRIVATE", "bob", "text", text(i)), sends.callback(text(i)));
            }
            sends.awaitSucceeded(MESSAGES / 4, Duration.ofSeconds(60));
            server.kill();
            sends.awaitFinished(MESSAGES, BACK);
            assertThat(sends.failed()).as("sends after the kill fail (the server is gone)").isNotEmpty();
            assertThat(sends.failureCodes()).as("failures are 'not connected' or 'timed out'")
                    .isSubsetOf(ErrorCode.NOT_CONNECTED, ErrorCode.TIMEOUT, ErrorCode.SEND_FAILED);

            // figures for the closing note of the reliability work
            System.out.printf("server killed: %d of %d sends confirmed, %d failed (codes %s)%n", sends.succeeded(),
                    MESSAGES, sends.failed().size(), sends.failureCodes());
            server.start();
            assertThat(both.aliceStatus.awaitStatus(0, BACK)).as("alice reconnects by herself").endsWith(0);
            assertThat(both.bobStatus.awaitStatus(0, BACK)).as("bob reconnects by himself").endsWith(0);

            for (long id : sends.failed().values()) {
                JsonObject resend = new JsonObject();
                resend.addProperty("messageId", id);
                Replies again = new Replies();
                both.alice.resendMessage(resend, again);
                assertThat(again.next().status()).isEqualTo("prepare");
                Reply last = again.next();
                assertThat(last.status()).as("resend of %s: %s", id, last.err()).isEqualTo("success");
            }

            List<String> expected = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                expected.add(text(i));
            }
            both.bobInbox.awaitTexts(expected, BACK);
            assertThat(both.bobInbox.duplicates()).as("no message reaches bob's listener twice").isEmpty();

            assertThat(Histories.texts(both.bob, "PRIVATE", "alice")).as("bob's store: every message once").hasSize(MESSAGES)
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(sentStatuses(both.alice)).as("alice's store: every message SENT in the end")
                    .containsOnlyKeys("SENT").containsEntry("SENT", MESSAGES);
        }
    }

    @Test
    void aFrozenServerTimesSendsOutAndTheClientRecoversWhenItResumes() throws Exception {
        try (TwoClients both = TwoClients.signIn(server, dir)) {

            server.pause();
            try {
                Replies send = new Replies();
                both.alice.sendTextMessage(params("PRIVATE", "bob", "text", "into the stall"), send);
                long id = message(send.next()).get("messageId").getAsLong();
                Reply timedOut = send.next(Duration.ofSeconds(20));
                assertThat(timedOut.code()).as("no answer from the server in time").isEqualTo(ErrorCode.TIMEOUT);
                assertThat(both.aliceStatus.awaitStatus(2, Duration.ofSeconds(20))).as("alice: connecting").endsWith(2);

                Thread.sleep(3000); // attempts against the frozen server time out too
                server.resume();
                assertThat(both.aliceStatus.awaitStatus(0, BACK)).as("alice back by herself").endsWith(0);

                JsonObject resend = new JsonObject();
                resend.addProperty("messageId", id);
                Replies again = new Replies();
                both.alice.resendMessage(resend, again);
                again.next();
                assertThat(again.next().status()).isEqualTo("success");
            } finally {
                server.resume();
            }
            both.alice.sendTextMessage(params("PRIVATE", "bob", "text", "after the stall"), new Replies());
            both.bobInbox.awaitTexts(List.of("into the stall", "after the stall"), BACK);
            assertThat(both.bobInbox.duplicates()).isEmpty();
            assertThat(Histories.texts(both.bob, "PRIVATE", "alice")).containsExactlyInAnyOrder("into the stall", "after the stall");
        }
    }

    @Test
    void afterTheServerIsKilledTheClientsAreBackInTheirGroupAndGetItsLiveMessages() throws Exception {
        try (TwoClients both = TwoClients.signIn(server, dir)) {
            JsonObject group = new JsonObject();
            group.addProperty("groupId", "crew");
            group.addProperty("groupName", "Crew");
            result(both.alice::joinGroup, group);
            result(both.bob::joinGroup, group);

            server.kill();
            server.start();
            both.aliceStatus.awaitStatus(0, BACK);
            both.bobStatus.awaitStatus(0, BACK);
            Thread.sleep(1000); // both enter their rooms again right after signing in

            sendOk(both.alice::sendTextMessage, params("GROUP", "crew", "text", "still here?"));
            both.bobInbox.awaitTexts(List.of("still here?"), Duration.ofSeconds(20));
            assertThat(both.bobInbox.duplicates()).isEmpty();
        }
    }

    @Test
    void aMessageItsAddresseeNeverAcknowledgedIsSentAgainAfterTheServerComesBack() throws Exception {
        Replies aliceStatus = new Replies();
        BlockingQueue<Message> toBob = new LinkedBlockingQueue<>();
        try (RongCloud alice = TwoClients.shortTimeout(server, dir, "alice", aliceStatus, new Inbox())) {
            aliceStatus.awaitStatus(0, Duration.ofSeconds(10));
            try (RawXmpp bob = RawXmpp.signIn(server, "bob", toBob::add)) { // a plain client: it sends receipts only when told
                sendOk(alice::sendTextMessage, params("PRIVATE", "bob", "text", "never acknowledged"));
                sendOk(alice::sendTextMessage, params("PRIVATE", "bob", "text", "acknowledged"));
                Message first = toBob.poll(10, TimeUnit.SECONDS);
                Message second = toBob.poll(10, TimeUnit.SECONDS);
                assertThat(first.getBody()).isEqualTo("never acknowledged");
                assertThat(second.getBody()).isEqualTo("acknowledged");
                assertThat(DeliveryReceiptRequest.from(second)).as("alice asks for a receipt").isNotNull();
                bob.connection().sendStanza(DeliveryReceiptManager.receiptMessageFor(second));
                Thread.sleep(500); // the receipt reaches alice

                server.kill();
                server.start();
                aliceStatus.awaitStatus(0, BACK);
                Thread.sleep(2000); // alice catches up, then sends again what was not acknowledged
                assertThat(toBob.poll(1, TimeUnit.SECONDS)).as("bob's old session is gone with the server").isNull();

                // the message waits in offline storage; it is pushed at sign-in, so bob listens from before it
                try (RawXmpp bobAgain = RawXmpp.signIn(server, "bob", toBob::add)) {
                    Message again = toBob.poll(10, TimeUnit.SECONDS);
                    assertThat(again).as("the unacknowledged message comes again").isNotNull();
                    assertThat(again.getBody()).isEqualTo("never acknowledged");
                    assertThat(again.getStanzaId()).as("under the same id, so receivers keep it once").isEqualTo(first.getStanzaId());
                    assertThat(toBob.poll(2, TimeUnit.SECONDS)).as("the acknowledged one does not").isNull();
                }
            }
        }
    }

    private static Map<String, Integer> sentStatuses(RongCloud alice) {
        Map<String, Integer> counts = new HashMap<>();
        for (JsonObject message : Histories.all(alice, "PRIVATE", "bob")) {
            counts.merge(message.get("sentStatus").getAsString(), 1, Integer::sum);
        }
        return counts;
    }

    private static String text(int i) {
        return String.format("m%04d", i);
    }
}
