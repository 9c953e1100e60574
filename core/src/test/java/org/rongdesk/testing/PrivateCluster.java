package org.rongdesk.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.Cluster;
import org.rongdesk.devserver.DevServer;

/**
 * An ejabberd cluster of the test's own ({@code ./rongcloud cluster}: PostgreSQL and N nodes on
 * loopback): {@code @RegisterExtension PrivateCluster own = new PrivateCluster();} then
 * {@code own.start(dir, 2)}; it is stopped and its database deleted after each test.
 */
public final class PrivateCluster implements AfterEachCallback {
    private Cluster cluster;

    /** Starts a fresh cluster of {@code nodes} nodes in {@code dir}. */
    public Cluster start(Path dir, int nodes) throws IOException {
        cluster = Cluster.create(dir, "demo.local", nodes);
        cluster.start();
        return cluster;
    }

    /**
     * A client signed in as {@code user} whose config lists node {@code first} first and the others
     * after it, with the short timeout of fault tests, data under {@code dir/user}, and these
     * further config params (name, value, ...).
     */
    public RongCloud client(Path dir, String user, int first, Replies status, Inbox received, String... params)
            throws IOException {
        List<String> servers = new ArrayList<>();
        DevServer preferred = cluster.node(first);
        servers.add("127.0.0.1:" + preferred.settings().c2sPort());
        for (DevServer node : cluster.nodes()) {
            if (node != preferred) {
                servers.add("127.0.0.1:" + node.settings().c2sPort());
            }
        }
        Path clientDir = dir.resolve(user);
        List<String> pairs = new ArrayList<>(List.of("appKey", cluster.appKey(), "server", String.join(",", servers),
                "tls", "disabled", "timeout", Long.toString(TwoClients.TIMEOUT.toMillis())));
        pairs.addAll(List.of(params));
        Path config = Clients.config(clientDir, pairs.toArray(String[]::new));
        return Clients.signIn(new RongCloud(config, clientDir.resolve("data")), preferred, user, status, received);
    }

    /** A token for {@code user}, valid on every node. */
    public String token(String user) throws IOException {
        return cluster.token(user, Duration.ofHours(1));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (cluster != null) {
            cluster.destroy();
        }
    }
}
