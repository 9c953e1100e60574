package org.rongdesk.testing;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.DevServerSettings;

/**
 * A server of the test's own, for tests that kill or stop it (the shared one must stay up):
 * {@code @RegisterExtension PrivateServer own = new PrivateServer();} then {@code own.start(dir)};
 * it is stopped after each test.
 */
public final class PrivateServer implements AfterEachCallback {
    private DevServer server;

    /** Starts a fresh ejabberd in {@code dir} on free loopback ports. */
    public DevServer start(Path dir) throws IOException {
        server = DevServer.create(dir, DevServerSettings.withFreePorts("demo.local"));
        server.start();
        return server;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (server != null) {
            server.stop();
        }
    }
}
