package org.rongdesk.connection;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delays between automatic reconnection attempts: 0.5 s, doubling up to 30 s, each ±20 % so
 * that many clients dropped by one server restart do not return in lockstep.
 *
 * <p>Not Smack's {@code ReconnectionManager}: its random policy waits 2–15 s before the first
 * attempt and offers no backoff curve; a desktop user expects to be back within a second of the
 * server's return.
 */
final class Backoff {
    private static final long FIRST_MS = 500;
    private static final long MAX_MS = 30_000;
    private int failures;

    /** The delay before the next attempt; each call counts one more failure. */
    Duration next() {
        long base = Math.min(MAX_MS, FIRST_MS << Math.min(failures, 16));
        failures++;
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.round(base * jitter));
    }

    /** After a success: the next drop starts again with the shortest delay. */
    void reset() {
        failures = 0;
    }
}
