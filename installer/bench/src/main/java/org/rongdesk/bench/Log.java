package org.rongdesk.bench;

/** Progress lines on stderr, with the seconds since the benchmark started. */
final class Log {
    private static final long START = System.nanoTime();

    private Log() {
    }

    static void info(String message) {
        System.err.printf("[bench %6.1fs] %s%n", (System.nanoTime() - START) / 1e9, message);
    }
}
