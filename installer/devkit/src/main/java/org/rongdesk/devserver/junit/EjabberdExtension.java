package org.rongdesk.devserver.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.rongdesk.devserver.DevServer;
import org.rongdesk.devserver.DevServerSettings;

/**
 * Gives a test a running {@link DevServer}: a private ejabberd serving App Key
 * {@value DevServerSettings#DEFAULT_APP_KEY} on free loopback ports, in a temporary directory.
 * One server is shared by every test of the run (it starts in 1–3 s); it is stopped and its
 * directory deleted when the run ends.
 *
 * <pre>
 * &#64;ExtendWith(EjabberdExtension.class)
 * class ConnectTest {
 *     &#64;Test void connects(DevServer server) { ... server.token("alice", Duration.ofHours(1)) ... }
 * }
 * </pre>
 * Tests that kill or stop the server must start their own with {@link DevServer#create}.
 */
public final class EjabberdExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EjabberdExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DevServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            return context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(SharedServer.class, key -> SharedServer.start(), SharedServer.class)
                    .server;
        } catch (UncheckedIOException e) {
            throw new ParameterResolutionException("could not start ejabberd for the tests: " + e.getCause().getMessage(), e);
        }
    }

    /** The run's server; JUnit closes it when the root context closes. */
    private static final class SharedServer implements AutoCloseable {
        private final DevServer server;

        private SharedServer(DevServer server) {
            this.server = server;
        }

        static SharedServer start() {
            try {
                Path dir = Files.createTempDirectory("rongdesk-ejabberd-");
                DevServer server = DevServer.create(dir, DevServerSettings.withFreePorts(DevServerSettings.DEFAULT_APP_KEY));
                server.start();
                return new SharedServer(server);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            server.stop();
            deleteTree(server.dir());
        }
    }

    /** Deletes a directory and everything in it. */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
