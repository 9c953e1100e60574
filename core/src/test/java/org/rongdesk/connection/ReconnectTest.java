package org.rongdesk.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.base.ErrorCode;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.PrivateServer;
import org.rongdesk.testing.Replies;

/** Automatic reconnection, on a server of its own that the test kills and restarts. */
class ReconnectTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final PrivateServer own = new PrivateServer();
    private DevServer server;

    @Test
    void afterTheServerIsKilledAndRestartedTheClientReconnectsByItself() throws Exception {
        server = own.start(dir.resolve("server"));
        Replies status = new Replies();
        try (RongCloud client = Clients.signedIn(server, dir.resolve("client"), "erin", status)) {
            assertThat(status.awaitStatus(0, Duration.ofSeconds(10))).containsExactly(2, 0);

            server.kill();
            assertThat(status.next(Duration.ofSeconds(10)).statusCode()).as("reported as soon as the connection drops").isEqualTo(2);
            Thread.sleep(1500); // a few attempts fail against the dead server
            server.start();

            List<Integer> codes = status.awaitStatus(0, Duration.ofSeconds(60));
            assertThat(codes).as("failed attempts stay 'connecting'; then connected").containsExactly(0);
            assertThat(status.anyWithin(Duration.ofSeconds(2))).as("stays connected").isFalse();
        }
    }

    @Test
    void connectingToAStoppedServerIs2003() throws Exception {
        server = own.start(dir.resolve("server"));
        String token = server.token("frank", Duration.ofHours(1));
        server.stop();
        try (RongCloud client = Clients.forServer(server, dir.resolve("client"))) {
            Replies replies = new Replies();
            client.init(replies);
            replies.next();
            client.connect(Clients.token(token), replies);
            Replies.Reply reply = replies.next();
            assertThat(reply.code()).isEqualTo(ErrorCode.SERVER_UNAVAILABLE);
            assertThat(reply.msg()).contains("Connection refused");
        }
    }
}
