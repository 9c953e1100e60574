package org.rongdesk.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.testing.Sends.params;

import com.google.gson.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.jivesoftware.smack.SmackConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.base.ErrorCode;
import org.rongdesk.devserver.AppSecret;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.LogCapture;
import org.rongdesk.testing.PrivateServer;
import org.rongdesk.testing.Replies;
import org.rongdesk.testing.Sends;
import org.rongdesk.testing.TokenSecrets;
import org.rongdesk.token.TokenMinter;

/**
 * A token never reaches a log record or a file of the client, with every logger at ALL and
 * Smack's wire debugger asked for, through refused tokens, a sign-in, a server crash, the
 * automatic reconnection, {@code reconnect} and {@code disconnect}.
 */
class TokenSecrecyTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final PrivateServer own = new PrivateServer();

    @Test
    void noLogRecordAndNoFileOfTheClientHoldsAToken() throws Exception {
        DevServer server = own.start(dir.resolve("server"));
        String good = server.token("lena", Duration.ofHours(1));
        String expired = server.token("lena", Duration.ofMinutes(-5));
        String forged = TokenMinter.mint(AppSecret.loadOrCreate(dir.resolve("not-the-app-secret.jwk")), "lena",
                "demo.local", Instant.now().plusSeconds(3600));
        TokenSecrets secrets = TokenSecrets.of("lena", good, expired, forged);
        Path clientDir = dir.resolve("client");

        boolean debug = SmackConfiguration.DEBUG;
        SmackConfiguration.DEBUG = true; // what -Dsmack.debugEnabled=true does: Smack's wire log for every new connection
        try (LogCapture logs = LogCapture.everything()) {
            try (RongCloud client = Clients.forServer(server, clientDir)) {
                Replies replies = new Replies();
                Replies status = new Replies();
                client.init(replies);
                assertThat(replies.next().status()).isEqualTo("success");
                client.setConnectionStatusListener(status);

                client.connect(Clients.token(expired), replies);
                assertThat(replies.next().code()).as("expired").isEqualTo(ErrorCode.TOKEN_INCORRECT);
                client.connect(Clients.token(forged), replies);
                assertThat(replies.next().code()).as("signed with another key").isEqualTo(ErrorCode.TOKEN_INCORRECT);
                client.connect(Clients.token(good), replies);
                assertThat(replies.next().status()).isEqualTo("success");
                status.awaitStatus(0, Duration.ofSeconds(10));
                Sends.sendOk(client::sendTextMessage, params("PRIVATE", "lena", "text", "a note to myself"));

                server.kill();
                assertThat(status.next(Duration.ofSeconds(10)).statusCode()).isEqualTo(2);
                server.start();
                status.awaitStatus(0, Duration.ofSeconds(60));
                client.reconnect(replies);
                assertThat(replies.next().status()).isEqualTo("success");
                client.disconnect(new JsonObject(), replies);
                assertThat(replies.next().status()).isEqualTo("success");
            }
            assertThat(logs.records()).as("Smack's own records at FINE or finer were captured")
                    .anyMatch(record -> record.startsWith("org.jivesoftware") && record.matches("(?s)\\S+ (FINE|FINER|FINEST) .*"));
            secrets.assertAbsentFrom("the log", logs.text());
        } finally {
            SmackConfiguration.DEBUG = debug;
        }

        List<Path> files;
        try (Stream<Path> walk = Files.walk(clientDir.resolve("data"))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("the store was written").anyMatch(file -> file.getFileName().toString().endsWith(".mv.db"));
        for (Path file : files) {
            secrets.assertAbsentFrom(file.toString(), Files.readAllBytes(file));
        }
    }
}
