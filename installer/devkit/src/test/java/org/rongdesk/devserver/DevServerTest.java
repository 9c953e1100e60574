package org.rongdesk.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's server and token commands against a real ejabberd. */
class DevServerTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final DevKitMain cli = new DevKitMain(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void startStatusTokenStop(@TempDir Path home) throws Exception {
        DevServerSettings ports = DevServerSettings.withFreePorts("demo.local");
        String c2s = Integer.toString(ports.c2sPort());
        String http = Integer.toString(ports.httpPort());
        try {
            assertThat(run(home, "server", "start", "--c2s-port", c2s, "--http-port", http)).isZero();
            assertThat(stdout()).contains("127.0.0.1:" + c2s).contains("config.xml");
            String config = Files.readString(home.resolve("config.xml"));
            assertThat(config).contains("value=\"demo.local\"").contains("value=\"127.0.0.1:" + c2s + "\"");

            assertThat(run(home, "server", "status")).isZero();
            assertThat(stdout()).startsWith("dev server is running");

            assertThat(run(home, "token", "alice")).isZero();
            String token = stdout().trim();
            assertThat(token).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
            assertThat(run(home, "token", "alice", "--ttl", "60")).as("a second token for a registered user").isZero();

            // ejabberd archives in SQLite: WAL (file format 2 in header bytes 18-19) costs one fsync a message, not several
            byte[] database = Files.readAllBytes(home.resolve("server/ejabberd.sqlite"));
            assertThat(new byte[] {database[18], database[19]}).as("SQLite file format (2: WAL)").containsExactly(2, 2);

            Path secret = home.resolve("server/app-secret.jwk");
            assertThat(Files.readString(home.resolve("server/logs/ejabberd.log"))).doesNotContain(token);
            assertThat(Files.exists(secret)).isTrue();
        } finally {
            assertThat(run(home, "server", "stop")).isZero();
        }
        assertThat(run(home, "server", "status")).isEqualTo(DevKitMain.NOT_RUNNING);
        assertThat(run(home, "token", "alice")).isEqualTo(DevKitMain.FAILED);
        assertThat(stderr()).contains("./rongcloud server start");
    }

    @Test
    void aPortInUseIsNamed(@TempDir Path dir) throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            DevServerSettings settings = DevServerSettings.withFreePorts("demo.local").withC2sPort(busy.getLocalPort());
            DevServer server = DevServer.create(dir, settings);
            assertThatThrownBy(server::start).isInstanceOf(IOException.class)
                    .hasMessageContaining("port " + busy.getLocalPort()).hasMessageContaining("--c2s-port");
            assertThat(server.isRunning()).isFalse();
        }
    }

    @Test
    void badUsageIsExplained(@TempDir Path home) {
        assertThat(run(home, "server", "start", "--c2s-port", "abc")).isEqualTo(DevKitMain.USAGE);
        assertThat(stderr()).contains("--c2s-port needs a positive whole number, not 'abc'");
        assertThat(run(home, "server", "restart")).isEqualTo(DevKitMain.USAGE);
        assertThat(run(home, "token")).isEqualTo(DevKitMain.USAGE);
        assertThat(stderr()).contains("token needs a user id");
    }

    private int run(Path home, String... args) {
        out.reset();
        String[] all = new String[args.length + 2];
        all[0] = "--home";
        all[1] = home.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cli.run(all);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
