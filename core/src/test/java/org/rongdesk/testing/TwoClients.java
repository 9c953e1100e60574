package org.rongdesk.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.rongdesk.api.Callback;
import org.rongdesk.api.RongCloud;
import org.rongdesk.devserver.DevServer;

/**
 * Alice and Bob signed in to one server with a short timeout (2 s), both reported connected, with
 * their status reports and what each received: the cast of the fault tests.
 */
public final class TwoClients implements AutoCloseable {
    /** The timeout of these clients, short so that fault tests do not wait long. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);

    public final Replies aliceStatus = new Replies();
    public final Replies bobStatus = new Replies();
    public final Inbox aliceInbox = new Inbox();
    public final Inbox bobInbox = new Inbox();
    public final RongCloud alice;
    public final RongCloud bob;

    private TwoClients(DevServer server, Path dir) throws Exception {
        alice = shortTimeout(server, dir, "alice", aliceStatus, aliceInbox);
        bob = shortTimeout(server, dir, "bob", bobStatus, bobInbox);
        aliceStatus.awaitStatus(0, Duration.ofSeconds(10));
        bobStatus.awaitStatus(0, Duration.ofSeconds(10));
    }

    /** Both signed in, data under {@code dir/alice} and {@code dir/bob}. */
    public static TwoClients signIn(DevServer server, Path dir) throws Exception {
        return new TwoClients(server, dir);
    }

    /** One client with the short timeout, signed in as {@code user}, data under {@code dir/user}. */
    public static RongCloud shortTimeout(DevServer server, Path dir, String user, Replies status, Callback received)
            throws Exception {
        Path clientDir = Files.createDirectories(dir.resolve(user));
        Path config = Clients.config(clientDir, "appKey", server.settings().appKey(),
                "server", "127.0.0.1:" + server.settings().c2sPort(), "tls", "disabled",
                "timeout", Long.toString(TIMEOUT.toMillis()));
        return Clients.signIn(new RongCloud(config, clientDir.resolve("data")), server, user, status, received);
    }

    @Override
    public void close() {
        alice.close();
        bob.close();
    }
}
