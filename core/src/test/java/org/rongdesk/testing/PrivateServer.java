package org.rongdesk.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.DevServerSettings;

/**
 * Servers of the test's own, for tests that kill or stop them (the shared one must stay up):
 * {@code @RegisterExtension PrivateServer own = new PrivateServer();} then {@code own.start(dir)};
 * they are stopped after each test.
 */
public final class PrivateServer implements AfterEachCallback {
    private final List<DevServer> servers = new ArrayList<>();

    /** Starts a fresh ejabberd in {@code dir} on free loopback ports. */
    public DevServer start(Path dir) throws IOException {
        return start(DevServer.create(dir, DevServerSettings.withFreePorts("demo.local")));
    }

    /**
     * Starts a fresh ejabberd in {@code dir} that takes the tokens of {@code other}: the same App
     * Key and App Secret, as two servers of one deployment.
     */
    public DevServer startBeside(Path dir, DevServer other) throws IOException {
        DevServer server = DevServer.create(dir, DevServerSettings.withFreePorts(other.settings().appKey()));
        Files.copy(other.dir().resolve("app-secret.jwk"), server.dir().resolve("app-secret.jwk"));
        return start(server);
    }

    private DevServer start(DevServer server) throws IOException {
        servers.add(server);
        server.start();
        return server;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        for (DevServer server : servers) {
            server.stop();
        }
        servers.clear();
    }
}
