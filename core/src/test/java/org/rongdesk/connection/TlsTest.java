package org.rongdesk.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rongdesk.testing.Sends.params;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.api.RongCloud;
import org.rongdesk.base.ErrorCode;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.DevServerSettings;
import org.rongdesk.devserver.junit.EjabberdExtension;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.Replies;
import org.rongdesk.testing.Sends;
import org.rongdesk.testing.TestCertificates;

/**
 * TLS against a real ejabberd that offers STARTTLS (without requiring it, so a client that fell
 * back to plain XMPP would get in) with self-signed certificates made for the test: one for the
 * App Key, one for another name.
 */
@ExtendWith(EjabberdExtension.class)
class TlsTest {
    @TempDir
    static Path dir;
    private static TestCertificates.Made rightName;
    private static TestCertificates.Made wrongName;
    private static DevServer tls;
    private static DevServer tlsWithWrongName;

    @BeforeAll
    static void startServers() throws Exception {
        rightName = TestCertificates.selfSigned(dir.resolve("certs"), "demo.local");
        wrongName = TestCertificates.selfSigned(dir.resolve("certs"), "other.example");
        tls = DevServer.create(dir.resolve("tls"), DevServerSettings.withFreePorts("demo.local")
                .withTlsCertificate(rightName.serverPem()));
        tls.start();
        tlsWithWrongName = DevServer.create(dir.resolve("tls-wrong-name"), DevServerSettings.withFreePorts("demo.local")
                .withTlsCertificate(wrongName.serverPem()));
        tlsWithWrongName.start();
    }

    @AfterAll
    static void stopServers() throws IOException {
        for (DevServer server : new DevServer[] {tls, tlsWithWrongName}) {
            if (server != null) {
                server.stop();
            }
        }
    }

    @Test
    void requiredWithoutTrustingTheSelfSignedCertificateFailsWith2003AndNeverFallsBackToPlainXmpp() throws Exception {
        Replies status = new Replies();
        try (RongCloud client = client(tls, "no-trust", status, "tls", "required")) {
            Replies.Reply reply = connect(client, tls, "nora");

            assertThat(reply.code()).isEqualTo(ErrorCode.SERVER_UNAVAILABLE);
            assertThat(reply.msg()).contains("certificate").contains("not trusted").contains("trustedCertificate");
            assertThat(status.awaitStatus(-9, Duration.ofSeconds(10))).as("final: no retry").containsExactly(2, -9);
            assertThat(status.anyWithin(Duration.ofSeconds(2))).as("no automatic retry").isFalse();
        }
        assertThat(signIns(tls, "nora")).as("the server saw no sign-in, encrypted or not").isEmpty();
    }

    @Test
    void optionalDoesNotFallBackToPlainXmppEitherWhenTheCertificateIsNotTrusted() throws Exception {
        try (RongCloud client = client(tls, "optional", new Replies(), "tls", "optional")) {
            assertThat(connect(client, tls, "olga").code()).isEqualTo(ErrorCode.SERVER_UNAVAILABLE);
        }
        assertThat(signIns(tls, "olga")).isEmpty();
    }

    @Test
    void trustingTheCertificateConnectsAndMessagesFlowOverTls() throws Exception {
        Replies received = new Replies();
        try (RongCloud tina = client(tls, "tina", new Replies(), "tls", "required",
                "trustedCertificate", rightName.certificate().toString());
                RongCloud tom = client(tls, "tom", new Replies(), "tls", "required",
                        "trustedCertificate", rightName.certificate().toString())) {
            tom.setOnReceiveMessageListener(received);
            assertThat(connect(tina, tls, "tina").status()).isEqualTo("success");
            assertThat(connect(tom, tls, "tom").status()).isEqualTo("success");

            Sends.sendOk(tina::sendTextMessage, params("PRIVATE", "tom", "text", "over TLS"));

            assertThat(received.next().ret().toString()).contains("over TLS");
        }
        assertThat(signIns(tls, "tina")).as("the server's log: TLS sockets").isNotEmpty().allMatch(line -> line.contains("tls|"));
        assertThat(signIns(tls, "tom")).isNotEmpty().allMatch(line -> line.contains("tls|"));
    }

    @Test
    void aTrustedCertificateForAnotherNameIsRefused() throws Exception {
        try (RongCloud client = client(tlsWithWrongName, "wrong-name", new Replies(), "tls", "required",
                "trustedCertificate", wrongName.certificate().toString())) {
            Replies.Reply reply = connect(client, tlsWithWrongName, "wanda");

            assertThat(reply.code()).isEqualTo(ErrorCode.SERVER_UNAVAILABLE);
            assertThat(reply.msg()).contains("not issued for demo.local");
        }
        assertThat(signIns(tlsWithWrongName, "wanda")).isEmpty();
    }

    @Test
    void requiredAgainstAServerWithoutTlsIsRefused(DevServer plain) throws Exception {
        try (RongCloud client = client(plain, "plain", new Replies(), "tls", "required")) {
            Replies.Reply reply = connect(client, plain, "pia");

            assertThat(reply.code()).isEqualTo(ErrorCode.SERVER_UNAVAILABLE);
            assertThat(reply.msg()).contains("does not offer TLS");
        }
        assertThat(signIns(plain, "pia")).isEmpty();
    }

    /** An initialised client of {@code server} with these extra config params. */
    private static RongCloud client(DevServer server, String name, Replies status, String... params) throws IOException {
        List<String> all = new java.util.ArrayList<>(List.of("appKey", "demo.local",
                "server", "127.0.0.1:" + server.settings().c2sPort(), "uploadService", server.settings().uploadService()));
        all.addAll(List.of(params));
        Path config = Clients.config(dir.resolve("clients").resolve(name), all.toArray(String[]::new));
        RongCloud client = new RongCloud(config, Files.createDirectories(config.resolveSibling("data")), List.of());
        Replies replies = new Replies();
        client.init(replies);
        assertThat(replies.next().status()).isEqualTo("success");
        client.setConnectionStatusListener(status);
        return client;
    }

    private static Replies.Reply connect(RongCloud client, DevServer server, String userId) throws IOException {
        Replies replies = new Replies();
        client.connect(Clients.token(server.token(userId, Duration.ofHours(1))), replies);
        return replies.next();
    }

    /** The server's log lines of {@code userId}'s accepted sign-ins. */
    private static List<String> signIns(DevServer server, String userId) throws IOException {
        return Files.readAllLines(server.dir().resolve("logs/ejabberd.log")).stream()
                .filter(line -> line.contains("Accepted c2s") && line.contains(" " + userId + "@demo.local"))
                .toList();
    }
}
