package org.rongdesk.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's cluster command against real ejabberd nodes and a real PostgreSQL. */
class ClusterTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final DevKitMain cli = new DevKitMain(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    /** Its database may live outside the test's directory (where root's nobody can reach). */
    @AfterEach
    void destroy() throws Exception {
        Optional<Cluster> cluster = Cluster.open(dir.resolve("cluster"));
        if (cluster.isPresent()) {
            cluster.get().destroy();
        }
    }

    @Test
    void startKillRestartStop() throws Exception {
        Path home = dir.resolve("cluster");
        try {
            assertThat(run(home, "start", "--nodes", "2")).as(stderr()).isZero();
            assertThat(stdout()).contains("node 1 (ejabberd1@127.0.0.1").contains("node 2 (ejabberd2@127.0.0.1");
            assertThat(members(stdout())).as("each node runs with both").containsExactly(2, 2);

            Cluster cluster = Cluster.open(home).orElseThrow();
            int c2s1 = cluster.node(1).settings().c2sPort();
            int c2s2 = cluster.node(2).settings().c2sPort();
            assertThat(Files.readString(cluster.clientConfig(2)))
                    .as("node 2's client config lists it first, then node 1")
                    .contains("value=\"127.0.0.1:" + c2s2 + ",127.0.0.1:" + c2s1 + "\"");
            assertThat(cluster.node(2).settings().cluster().uploadDir())
                    .as("one upload directory: a file PUT to one node is served by any")
                    .isEqualTo(cluster.node(1).settings().cluster().uploadDir());

            assertThat(run(home, "token", "alice")).isZero();
            String token = stdout().trim();
            assertThat(token).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
            assertThat(Files.readString(home.resolve("app-secret.jwk")))
                    .as("every node checks tokens with the one App Secret")
                    .isEqualTo(Files.readString(cluster.node(1).dir().resolve("app-secret.jwk")))
                    .isEqualTo(Files.readString(cluster.node(2).dir().resolve("app-secret.jwk")));

            assertThat(run(home, "kill", "1")).isZero();
            assertThat(run(home, "status")).isZero();
            assertThat(stdout()).contains("XMPP 127.0.0.1:" + c2s1 + "): not running");
            assertThat(members(stdout())).as("node 2 runs alone").containsExactly(1);

            assertThat(run(home, "restart", "1")).as(stderr()).isZero();
            assertThat(run(home, "status")).isZero();
            assertThat(members(stdout())).as("node 1 is back in the cluster").containsExactly(2, 2);

            assertThat(run(home, "kill", "3")).isEqualTo(DevKitMain.USAGE);
            assertThat(stderr()).contains("the cluster has nodes 1 to 2, not 3");
        } finally {
            assertThat(run(home, "stop")).isZero();
        }
        assertThat(run(home, "status")).isEqualTo(DevKitMain.NOT_RUNNING);
        assertThat(stdout()).contains("database: PostgreSQL").contains("not running");
    }

    /** How many nodes each running node of a status report runs with. */
    private static List<Integer> members(String status) {
        return status.lines().filter(line -> line.contains("cluster ["))
                .map(line -> line.substring(line.indexOf("cluster [")).split("ejabberd").length - 1).toList();
    }

    private int run(Path home, String... args) {
        out.reset();
        String[] all = new String[args.length + 3];
        all[0] = "cluster";
        all[1] = "--dir";
        all[2] = home.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return cli.run(all);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
