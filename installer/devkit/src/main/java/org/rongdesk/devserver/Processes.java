package org.rongdesk.devserver;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Running the server's helper programs (initdb, psql, epmd, erl) and waiting on processes and ports. */
final class Processes {
    private Processes() {
    }

    /** Runs {@code command} to its end and returns what it printed; a non-zero exit is an IOException with that output. */
    static String run(List<String> command, Map<String, String> env, Duration timeout) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            // read on: a chatty program blocks on a full pipe otherwise
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            String text = new String(output, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ": " + text);
            }
            return text;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }

    /** Starts {@code command} in a session of its own (it outlives the launcher), output appended to {@code log}. */
    static Process spawn(List<String> command, Map<String, String> env, Path workDir, Path log) throws IOException {
        List<String> detached = Files.isExecutable(Path.of("/usr/bin/setsid"))
                ? concat("/usr/bin/setsid", command) : command;
        ProcessBuilder builder = new ProcessBuilder(detached)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        return builder.start();
    }

    static List<String> concat(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }

    /** The live process whose pid {@code file} holds, if its command looks like {@code what}. */
    static Optional<ProcessHandle> fromPidFile(Path file, String... what) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(file).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        // a stale pid may belong to another program by now
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> List.of(what).stream().anyMatch(c::contains)).orElse(true));
    }

    /** True when something accepts connections on {@code port} of 127.0.0.1. */
    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Waits until nothing accepts on {@code port}: a killed process may linger a few seconds as a
     * zombie here, so its exit says less than its port.
     */
    static void awaitClosed(int port, Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (accepts(port)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IOException("port " + port + " still accepts " + timeout.toSeconds() + " s later");
            }
            sleep(Duration.ofMillis(100));
        }
    }

    static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for pid " + handle.pid() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    /** SIGTERM, then SIGKILL after {@code timeout}; true when it had to kill. */
    static boolean terminate(ProcessHandle handle, Duration timeout) {
        handle.destroy();
        if (awaitExit(handle, timeout)) {
            return false;
        }
        handle.destroyForcibly();
        awaitExit(handle, timeout);
        return true;
    }

    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    static void sleep(Duration duration) throws IOException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting", e);
        }
    }
}
