package org.rongdesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.rongdesk.store.LocalStore;

/**
 * Durability on kill -9: a {@link KillChild} stores messages one commit at a time in a fresh
 * store; once it has acknowledged some, it is killed with SIGKILL after a given time. The store
 * is then reopened and every acknowledged message looked up. The child's stdout goes to a file,
 * which keeps every line written before the kill (a pipe read concurrently with the exit can
 * lose its tail).
 */
final class KillTest {
    /** Which path the child writes through. */
    enum Mode { INCOMING, OUTGOING }

    /**
     * @param acknowledged      messages the child reported stored
     * @param missing           of those, not in the reopened store
     * @param lostUnrecoverable missing ones nothing brings back: received ones at or below the reopened sync
     *                          position (a catch-up would not fetch them again), every missing sent one
     * @param ackPerSecond      the child's commit rate, from its first acknowledgement to the kill
     */
    record Outcome(int acknowledged, int missing, int lostUnrecoverable, double ackPerSecond) {
    }

    private KillTest() {
    }

    /** Runs one child in {@code dir} (data and acknowledgements) and kills it {@code killAfterMillis} after its first acknowledgement. */
    static Outcome once(Mode mode, Path dir, long killAfterMillis) throws IOException, InterruptedException {
        Path data = dir.resolve("data");
        Path acks = dir.resolve("acks.txt");
        Files.createDirectories(dir);
        Process child = new ProcessBuilder(ChildJvm.command(KillChild.class, mode.name(), data.toString()))
                .redirectOutput(acks.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        long firstAck = awaitFirstAck(child, acks);
        Thread.sleep(killAfterMillis);
        child.destroyForcibly();
        long killedAt = System.nanoTime();
        child.waitFor();
        List<Long> acknowledged = readAcks(acks);
        double seconds = (killedAt - firstAck) / 1e9;

        try (LocalStore store = LocalStore.open(data, KillChild.APP_KEY, KillChild.USER)) {
            long position = store.syncPosition(KillChild.POSITION).map(Long::parseLong).orElse(0L);
            int missing = 0;
            int unrecoverable = 0;
            for (long seq : acknowledged) {
                if (!store.knows(KillChild.uid(mode, seq))) {
                    missing++;
                    if (mode == Mode.OUTGOING || seq <= position) {
                        unrecoverable++;
                    }
                }
            }
            return new Outcome(acknowledged.size(), missing, unrecoverable, acknowledged.size() / seconds);
        }
    }

    private static long awaitFirstAck(Process child, Path acks) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (Files.size(acks) == 0) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                child.destroyForcibly();
                throw new IOException("the kill-test child acknowledged nothing (exit: "
                        + (child.isAlive() ? "still running after 60 s" : child.exitValue()) + ")");
            }
            Thread.sleep(5);
        }
        return System.nanoTime();
    }

    /** The acknowledged sequence numbers: whole "<seq> ok" lines only (a kill may cut the last one). */
    private static List<Long> readAcks(Path acks) throws IOException {
        List<Long> acknowledged = new ArrayList<>();
        for (String line : Files.readAllLines(acks, StandardCharsets.UTF_8)) {
            if (line.endsWith(" ok")) {
                acknowledged.add(Long.parseLong(line.substring(0, line.length() - 3)));
            }
        }
        return acknowledged;
    }
}
