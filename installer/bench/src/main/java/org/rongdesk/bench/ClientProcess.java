package org.rongdesk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client started for a benchmark: its stdout lines are timed as they arrive (from the moment
 * of the spawn), and its resident memory is read from {@code /proc}.
 */
final class ClientProcess implements AutoCloseable {
    /** A line the client printed and when, in ms after the spawn. */
    record Line(String text, double atMs) {
    }

    private final Process process;
    private final long spawned;
    private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();

    private ClientProcess(Process process, long spawned) {
        this.process = process;
        this.spawned = spawned;
        Thread reader = new Thread(this::read, "bench-client-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code command} with {@code environment} added; stderr goes to {@code log}. */
    static ClientProcess start(List<String> command, Map<String, String> environment, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.environment().putAll(environment);
        long spawned = System.nanoTime();
        return new ClientProcess(builder.start(), spawned);
    }

    /** Waits for a line starting with {@code prefix}; null when the client ends or the time runs out first. */
    Line await(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Line line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.text().startsWith(prefix)) {
                return line;
            }
            if (line == null && !process.isAlive() && lines.isEmpty()) {
                return null;
            }
        }
        return null;
    }

    /** Resident memory now, in MiB (VmRSS), or NaN when the process is gone. */
    double rssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            Log.info("cannot read the memory of " + process.pid() + ": " + e.getMessage());
        }
        return Double.NaN;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String text;
            while ((text = in.readLine()) != null) {
                lines.add(new Line(text, (System.nanoTime() - spawned) / 1e6));
            }
        } catch (IOException e) {
            // the process was ended: its output closes with it
        }
    }

    /** Ends the client (it has no unsaved work in a benchmark) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
