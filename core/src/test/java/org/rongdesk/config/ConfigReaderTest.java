package org.rongdesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rongdesk.base.ErrorCode;
import org.rongdesk.base.RongException;
import org.rongdesk.testing.Clients;
import org.rongdesk.testing.TestCertificates;

class ConfigReaderTest {
    @TempDir
    Path dir;

    @Test
    void theSpecsBareFeatureNeedsOnlyAnAppKey() throws Exception {
        Path file = Files.writeString(dir.resolve("config.xml"),
                "<feature name=\"rongCloud\">\n    <param name=\"appKey\" value=\"Chat.Example.com\" />\n</feature>\n");

        ClientConfig config = ConfigReader.read(file);

        assertThat(config.appKey()).isEqualTo("chat.example.com");
        assertThat(config.servers()).containsExactly(new Endpoint("chat.example.com", 5222));
        assertThat(config.tls()).as("TLS is required for a server on another machine").isEqualTo(TlsMode.REQUIRED);
        assertThat(config.uploadService()).isEqualTo("upload.chat.example.com");
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.fileBase()).as("the data directory's fs/ by default").isNull();
    }

    @Test
    void optionalParamsInsideAWidget() throws Exception {
        Path file = Clients.config(dir, "appKey", "demo.local", "server", "127.0.0.1:15222", "tls", "disabled",
                "uploadService", "files.demo.local", "timeout", "2500");

        ClientConfig config = ConfigReader.read(file);

        assertThat(config).isEqualTo(new ClientConfig("demo.local", "127.0.0.1", 15222, TlsMode.DISABLED,
                "files.demo.local", Duration.ofMillis(2500), null, java.util.Set.of()));
    }

    @Test
    void aLoopbackServerMayGoWithoutTlsAndIpv6AddressesParse() throws Exception {
        ClientConfig config = ConfigReader.read(Clients.config(dir, "appKey", "demo.local", "server", "[::1]:5333"));

        assertThat(config.servers()).containsExactly(new Endpoint("::1", 5333));
        assertThat(config.servers().get(0)).hasToString("[::1]:5333");
        assertThat(config.tls()).isEqualTo(TlsMode.OPTIONAL);
    }

    @Test
    void severalServersAreTriedInTheOrderGiven() throws Exception {
        ClientConfig config = ConfigReader.read(Clients.config(dir.resolve("a"), "appKey", "demo.local",
                "server", "127.0.0.1:15222, localhost , [::1]:15224"));

        assertThat(config.servers()).containsExactly(new Endpoint("127.0.0.1", 15222), new Endpoint("localhost", 5222),
                new Endpoint("::1", 15224));
        assertThat(config.tls()).as("every one is this machine").isEqualTo(TlsMode.OPTIONAL);
        assertThat(ConfigReader.read(Clients.config(dir.resolve("b"), "appKey", "demo.local",
                "server", "127.0.0.1:15222,chat.example.com")).tls()).as("one is another machine").isEqualTo(TlsMode.REQUIRED);

        assertThat(ConfigReader.read(Clients.config(dir.resolve("f"), "appKey", "demo.local", "server", "::1")).servers())
                .as("an IPv6 address without brackets has no port").containsExactly(new Endpoint("::1", 5222));

        assertThat(ConfigReader.read(Clients.config(dir.resolve("g"), "appKey", "demo.local", "roomCheck", "3000")).roomCheck())
                .isEqualTo(Duration.ofSeconds(3));
        assertProblem(Clients.config(dir.resolve("h"), "appKey", "demo.local", "roomCheck", "10"),
                "roomCheck must be between 1000 and 3600000 milliseconds, not 10");

        assertProblem(Clients.config(dir.resolve("c"), "appKey", "demo.local", "server", "a:1,,b:2"),
                "server entry 2 ('') of 'a:1,,b:2' is empty");
        assertProblem(Clients.config(dir.resolve("d"), "appKey", "demo.local", "server", "a:1,b:x"),
                "server entry 2 ('b:x') of 'a:1,b:x': server port must be a whole number");
        assertProblem(Clients.config(dir.resolve("e"), "appKey", "demo.local", "server", "a:1,:5222"),
                "server entry 2 (':5222') of 'a:1,:5222' has no host");
    }

    @Test
    void tlsIsRequiredUnlessTheServerIsThisMachine() throws Exception {
        for (String host : List.of("localhost", "LocalHost", "localhost.", "127.0.0.1", "127.8.9.10", "::1",
                "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1")) {
            assertThat(TlsMode.defaultFor(host)).as(host).isEqualTo(TlsMode.OPTIONAL);
        }
        for (String host : List.of("chat.example.com", "localhost.example.com", "127.0.0.1.nip.io", "10.0.0.1",
                "192.168.1.5", "0.0.0.0", "::", "fe80::1", "2001:db8::1", "::ffff:10.0.0.1", "127.1", "127.0.0.256",
                "deadbeef")) {
            assertThat(TlsMode.defaultFor(host)).as(host).isEqualTo(TlsMode.REQUIRED);
        }
        assertThat(ConfigReader.read(Clients.config(dir.resolve("a"), "appKey", "demo.local", "server", "[2001:db8::1]:5222")).tls())
                .isEqualTo(TlsMode.REQUIRED);
        assertThat(ConfigReader.read(Clients.config(dir.resolve("b"), "appKey", "demo.local", "server", "localhost:15222")).tls())
                .isEqualTo(TlsMode.OPTIONAL);
        assertThat(ConfigReader.read(Clients.config(dir.resolve("c"), "appKey", "localhost", "tls", "required")).tls())
                .as("the config has the last word").isEqualTo(TlsMode.REQUIRED);
    }

    @Test
    void aTrustedCertificateIsReadFromAPemFileBesideTheConfig() throws Exception {
        TestCertificates.Made made = TestCertificates.selfSigned(dir.resolve("conf/certs"), "chat.example.com");

        ClientConfig config = ConfigReader.read(Clients.config(dir.resolve("conf"), "appKey", "chat.example.com",
                "trustedCertificate", "certs/chat.example.com.pem"));

        assertThat(config.trustedCertificates()).as("the certificate, not the key beside it").singleElement()
                .satisfies(c -> assertThat(c.getSubjectX500Principal().getName()).isEqualTo("CN=chat.example.com"));
        assertThat(config.toString()).doesNotContain("PRIVATE");
        assertThat(ConfigReader.read(Clients.config(dir.resolve("conf"), "appKey", "chat.example.com")).trustedCertificates())
                .as("none unless configured").isEmpty();

        assertProblem(Clients.config(dir.resolve("k"), "appKey", "demo.local", "trustedCertificate", "nope.pem"),
                "trustedCertificate " + dir.resolve("k/nope.pem") + " does not exist");
        Files.writeString(Files.createDirectories(dir.resolve("l")).resolve("plain.pem"), "just text");
        assertProblem(Clients.config(dir.resolve("l"), "appKey", "demo.local", "trustedCertificate", dir.resolve("l/plain.pem").toString()),
                "holds no PEM certificate");
        Files.writeString(dir.resolve("l/broken.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        assertProblem(Clients.config(dir.resolve("l"), "appKey", "demo.local", "trustedCertificate", "broken.pem"),
                "trustedCertificate " + dir.resolve("l/broken.pem") + " holds a certificate that cannot be read");
    }

    @Test
    void everyProblemIsMinus10002NamingIt() throws Exception {
        assertProblem(dir.resolve("absent.xml"), "does not exist");
        assertProblem(Files.writeString(dir.resolve("a.xml"), "<widget><feature name='rongCloud'>"), "not well-formed XML");
        assertProblem(Files.writeString(dir.resolve("b.xml"), "<widget><feature name='other'/></widget>"),
                "no <feature name=\"rongCloud\">");
        assertProblem(Clients.config(dir.resolve("c"), "server", "x:1"), "no appKey");
        assertProblem(Clients.config(dir.resolve("d"), "appKey", " "), "no appKey");
        assertProblem(Clients.config(dir.resolve("e"), "appKey", "a@b"), "appKey 'a@b'");
        assertProblem(Clients.config(dir.resolve("f"), "appKey", "demo.local", "server", "h:99999"), "server port");
        assertProblem(Clients.config(dir.resolve("g"), "appKey", "demo.local", "server", "h:abc"), "server port must be a whole number");
        assertProblem(Clients.config(dir.resolve("h"), "appKey", "demo.local", "tls", "maybe"), "tls must be required, optional or disabled");
        assertProblem(Clients.config(dir.resolve("i"), "appKey", "demo.local", "timeout", "5"), "timeout must be between");
        assertProblem(Files.writeString(dir.resolve("j.xml"),
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><feature name='rongCloud'><param name='appKey' value='&e;'/></feature>"),
                "not well-formed XML");
        assertThatThrownBy(() -> ConfigReader.read(null)).hasMessageContaining("no config file");
    }

    private static void assertProblem(Path file, String message) {
        assertThatThrownBy(() -> ConfigReader.read(file))
                .isInstanceOfSatisfying(RongException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER))
                .hasMessageContaining(message);
    }
}
