package org.rongdesk.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.testing.Sends.params;
import static org.rongdesk.testing.Sends.result;
import static org.rongdesk.testing.Sends.sendOk;

import com.google.gson.JsonArray;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.Inbox;
import org.rongdesk.testing.PrivateServer;
import org.rongdesk.testing.Replies;
import org.rongdesk.testing.TwoClients;

/** A config that names several servers: the client signs in to the first that answers, and moves on when it dies. */
class ServerListTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    @RegisterExtension
    final PrivateServer own = new PrivateServer();

    @Test
    void aServerThatDoesNotAnswerIsPassedOver() throws Exception {
        DevServer server = own.start(dir.resolve("server"));
        String list = "127.0.0.1:" + closedPort() + ",127.0.0.1:" + server.settings().c2sPort();
        Inbox bobInbox = new Inbox();
        try (RongCloud alice = client(server, "alice", list, new Replies(), new Inbox());
             RongCloud bob = client(server, "bob", "127.0.0.1:" + server.settings().c2sPort(), new Replies(), bobInbox)) {
            sendOk(alice::sendTextMessage, params("PRIVATE", "bob", "text", "past the dead one"));

            bobInbox.awaitTexts(List.of("past the dead one"), WAIT);
            assertThat(bobInbox.total()).isEqualTo(1);
        }
    }

    @Test
    void whenItsServerDiesTheClientSignsInToTheNextByItself() throws Exception {
        DevServer first = own.start(dir.resolve("first"));
        DevServer second = own.startBeside(dir.resolve("second"), first);
        String list = "127.0.0.1:" + first.settings().c2sPort() + ",127.0.0.1:" + second.settings().c2sPort();
        Replies aliceStatus = new Replies();
        Inbox bobOnFirst = new Inbox();
        Inbox bobOnSecond = new Inbox();
        try (RongCloud alice = client(first, "alice", list, aliceStatus, new Inbox());
             RongCloud bob1 = client(first, "bob", "127.0.0.1:" + first.settings().c2sPort(), new Replies(), bobOnFirst);
             RongCloud bob2 = client(second, "bob", "127.0.0.1:" + second.settings().c2sPort(), new Replies(), bobOnSecond)) {
            assertThat(aliceStatus.awaitStatus(0, WAIT)).as("signed in").contains(0);
            sendOk(alice::sendTextMessage, params("PRIVATE", "bob", "text", "to the first"));
            bobOnFirst.awaitTexts(List.of("to the first"), WAIT);

            first.kill();
            assertThat(aliceStatus.awaitStatus(0, WAIT)).as("dropped, then signed in again without being asked")
                    .containsSubsequence(2, 0);
            sendOk(alice::sendTextMessage, params("PRIVATE", "bob", "text", "to the second"));

            bobOnSecond.awaitTexts(List.of("to the second"), WAIT);
            assertThat(bobOnSecond.total()).as("only what was sent after the move reached the second server").isEqualTo(1);
            JsonArray stored = result(alice::getLatestMessages, params("PRIVATE", "bob", "count", 10)).getAsJsonArray();
            assertThat(stored).hasSize(2);
            stored.forEach(m -> assertThat(m.getAsJsonObject().get("sentStatus").getAsString()).isEqualTo("SENT"));
        }
    }

    /** A client whose config lists {@code servers}, signed in with a token of {@code tokens}. */
    private RongCloud client(DevServer tokens, String user, String servers, Replies status, Inbox received) throws Exception {
        Path clientDir = dir.resolve(user + "-" + tokens.settings().c2sPort());
        Path config = Clients.config(clientDir, "appKey", tokens.settings().appKey(), "server", servers,
                "tls", "disabled", "timeout", Long.toString(TwoClients.TIMEOUT.toMillis()));
        return Clients.signIn(new RongCloud(config, clientDir.resolve("data")), tokens, user, status, received);
    }

    /** A loopback port nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
