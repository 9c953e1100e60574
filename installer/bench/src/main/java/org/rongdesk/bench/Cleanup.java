package org.rongdesk.bench;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Clean-up steps run once, last added first: on close, or from a shutdown hook when the JVM is
 * stopped before (Ctrl-C), so that no server keeps running and no temporary files stay behind.
 */
final class Cleanup implements AutoCloseable {
    /** One clean-up step. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    private final Deque<Step> steps = new ArrayDeque<>();
    private final Thread hook = new Thread(this::runAll, "bench-cleanup");
    private boolean done;

    Cleanup() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    synchronized void add(Step step) {
        steps.push(step);
    }

    @Override
    public void close() {
        runAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook has run or runs now
        }
    }

    private synchronized void runAll() {
        if (done) {
            return;
        }
        done = true;
        while (!steps.isEmpty()) {
            try {
                steps.pop().run();
            } catch (Exception e) {
                Log.info("cleaning up failed: " + e);
            }
        }
    }
}
