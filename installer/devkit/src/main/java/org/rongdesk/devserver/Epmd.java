package org.rongdesk.devserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster's own Erlang port mapper on a private loopback port: its nodes find each other
 * there and nowhere else, so no other Erlang on the machine can see or join them.
 */
final class Epmd {
    private final Path pidFile;
    private final Path log;
    private final int port;

    Epmd(Path pidFile, Path log, int port) {
        this.pidFile = pidFile;
        this.log = log;
        this.port = port;
    }

    void start() throws IOException {
        if (process().isPresent()) {
            return;
        }
        Process process = Processes.spawn(List.of(program(), "-port", Integer.toString(port), "-address", "127.0.0.1"),
                Map.of(), pidFile.getParent(), log);
        Files.writeString(pidFile, Long.toString(process.pid()));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!Processes.accepts(port)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IOException("epmd did not listen on 127.0.0.1:" + port + ": " + Processes.tail(log));
            }
            Processes.sleep(Duration.ofMillis(50));
        }
    }

    void stop() throws IOException {
        Optional<ProcessHandle> running = process();
        if (running.isPresent()) {
            Processes.terminate(running.get(), Duration.ofSeconds(5));
        }
        Files.deleteIfExists(pidFile);
    }

    private Optional<ProcessHandle> process() {
        return Processes.fromPidFile(pidFile, "epmd");
    }

    private static String program() throws IOException {
        for (String candidate : List.of("/usr/bin/epmd", "/usr/lib/erlang/bin/epmd")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IOException("epmd is missing (it comes with Erlang); " + EjabberdInstallation.INSTALL_HINT);
    }
}
