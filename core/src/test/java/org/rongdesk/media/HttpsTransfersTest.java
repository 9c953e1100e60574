package org.rongdesk.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
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
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.config.ClientConfig;
import org.rongdesk.config.Endpoint;
import org.rongdesk.config.TlsMode;
import org.rongdesk.testing.TestCertificates;

/**
 * File transfers over HTTPS trust what XMPP trusts: the JDK's trust store plus the config's
 * trustedCertificate, with the host name checked; with TLS required, plain HTTP only on loopback.
 * Against the JDK's own HTTP(S) server on loopback serving certificates made for the test.
 */
class HttpsTransfersTest {
    private static final byte[] FILE = "a received file".getBytes(StandardCharsets.UTF_8);
    @TempDir
    Path dir;

    @Test
    void aSelfSignedServerIsTrustedOnlyWhenConfiguredAndOnlyForItsName() throws Exception {
        TestCertificates.Made localhost = TestCertificates.selfSigned(dir.resolve("certs"), "localhost");
        TestCertificates.Made other = TestCertificates.selfSigned(dir.resolve("certs"), "other.example");
        HttpsServer right = serve(localhost);
        HttpsServer wrong = serve(other);
        try {
            URI rightUrl = URI.create("https://localhost:" + right.getAddress().getPort() + "/f");
            URI wrongUrl = URI.create("https://localhost:" + wrong.getAddress().getPort() + "/f");

            assertThatThrownBy(() -> new HttpTransfers(config(List.of())).download(rightUrl, dir.resolve("a"), 1000, (b, t) -> { }))
                    .as("not in the JDK's trust store").isInstanceOf(IOException.class);
            assertThatThrownBy(() -> new HttpTransfers(config(List.of(other.read())))
                    .download(wrongUrl, dir.resolve("b"), 1000, (b, t) -> { }))
                    .as("trusted, but issued for another name").isInstanceOf(IOException.class)
                    .hasStackTraceContaining("localhost");
            assertThat(dir.resolve("a")).doesNotExist();
            assertThat(dir.resolve("b")).doesNotExist();

            Path target = dir.resolve("media/download.bin");
            new HttpTransfers(config(List.of(localhost.read()))).download(rightUrl, target, 1000, (b, t) -> { });

            assertThat(Files.readAllBytes(target)).isEqualTo(FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        } finally {
            right.stop(0);
            wrong.stop(0);
        }
    }

    @Test
    void withTlsRequiredFilesNeverGoOverPlainHttpExceptOnThisMachine() throws Exception {
        HttpTransfers transfers = new HttpTransfers(config(List.of()));
        assertThatThrownBy(() -> transfers.download(URI.create("http://192.0.2.1/f"), dir.resolve("c"), 1000, (b, t) -> { }))
                .isInstanceOf(IOException.class)
                .hasMessage("TLS is required in the config, and http://192.0.2.1 is not HTTPS: the file does not go over"
                        + " the network unencrypted");
        assertThatThrownBy(() -> transfers.upload(URI.create("http://files.example.com/slot"), Map.of(),
                Files.writeString(dir.resolve("up.txt"), "x"), "text/plain", (b, t) -> { }))
                .isInstanceOf(IOException.class).hasMessageContaining("is not HTTPS");

        HttpServer local = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        local.createContext("/f", exchange -> {
            exchange.sendResponseHeaders(200, FILE.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(FILE);
            }
        });
        local.start();
        try {
            transfers.download(URI.create("http://127.0.0.1:" + local.getAddress().getPort() + "/f"), dir.resolve("d"), 1000,
                    (b, t) -> { });
            assertThat(dir.resolve("d")).as("loopback, as the dev server's uploads").hasBinaryContent(FILE);
        } finally {
            local.stop(0);
        }
    }

    private static ClientConfig config(List<X509Certificate> trusted) {
        return new ClientConfig("demo.local", List.of(new Endpoint("chat.example.com", 5222)), TlsMode.REQUIRED, "upload.demo.local",
                Duration.ofSeconds(10), null, Set.of(), trusted, ClientConfig.DEFAULT_ROOM_CHECK);
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
