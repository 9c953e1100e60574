package org.rongdesk.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.testing.TestCertificates;

/**
 * File transfers over HTTPS trust what XMPP trusts: the JDK's trust store plus the config's
 * trustedCertificate, with the host name checked. Against the JDK's own HTTPS server on loopback
 * serving certificates made for the test.
 */
class HttpsTransfersTest {
    private static final byte[] FILE = "a received file".getBytes(StandardCharsets.UTF_8);
    @TempDir
    Path dir;

    @Test
    void aSelfSignedServerIsTrustedOnlyWhenConfiguredAndOnlyForItsName() throws Exception {
        TestCertificates.Made localhost = TestCertificates.selfSigned(dir.resolve("certs"), "localhost");
        TestCertificates.Made other = TestCertificates.selfSigned(dir.resolve("certs"), "other.example");
        Duration timeout = Duration.ofSeconds(10);
        HttpsServer right = serve(localhost);
        HttpsServer wrong = serve(other);
        try {
            URI rightUrl = URI.create("https://localhost:" + right.getAddress().getPort() + "/f");
            URI wrongUrl = URI.create("https://localhost:" + wrong.getAddress().getPort() + "/f");

            assertThatThrownBy(() -> new HttpTransfers(timeout, List.of()).download(rightUrl, dir.resolve("a"), 1000, (b, t) -> { }))
                    .as("not in the JDK's trust store").isInstanceOf(IOException.class);
            assertThatThrownBy(() -> new HttpTransfers(timeout, List.of(other.read()))
                    .download(wrongUrl, dir.resolve("b"), 1000, (b, t) -> { }))
                    .as("trusted, but issued for another name").isInstanceOf(IOException.class)
                    .hasStackTraceContaining("localhost");
            assertThat(dir.resolve("a")).doesNotExist();
            assertThat(dir.resolve("b")).doesNotExist();

            Path target = dir.resolve("media/download.bin");
            new HttpTransfers(timeout, List.of(localhost.read())).download(rightUrl, target, 1000, (b, t) -> { });

            assertThat(Files.readAllBytes(target)).isEqualTo(FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        } finally {
            right.stop(0);
            wrong.stop(0);
        }
    }

    private static HttpsServer serve(TestCertificates.Made certificate) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certificate.keyStore())) {
            keys.load(in, TestCertificates.PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, TestCertificates.PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/f", exchange -> {
            exchange.sendResponseHeaders(200, FILE.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(FILE);
            }
        });
        server.start();
        return server;
    }
}
