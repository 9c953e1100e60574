package org.rongdesk.plugin;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.rongdesk.base.NamedThreads;

/**
 * Every call into plugin code goes through here: it runs on a "rongcloud-plugins" thread and is
 * given up after {@link #TIMEOUT}; an exception or a timeout is logged and counted, and a plugin
 * that failed {@link #MAX_FAILURES} times is no longer called. A hung call keeps its thread, so
 * the pool has a few.
 */
final class PluginCalls implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PluginCalls.class.getName());
    /** Longest a plugin call may take. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** Failures after which a plugin is no longer called. */
    static final int MAX_FAILURES = 3;

    private final ExecutorService threads = NamedThreads.pool("rongcloud-plugins", 4);
    /** Queues calls nobody waits for; each still runs on {@link #threads} and is timed. */
    private final ExecutorService queue = NamedThreads.single("rongcloud-plugin-queue");
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, String> lastProblem = new ConcurrentHashMap<>();
    private final Consumer<String> failing;

    /** @param failing told the id of a plugin when it reaches {@link #MAX_FAILURES} */
    PluginCalls(Consumer<String> failing) {
        this.failing = failing;
    }

    /** Runs {@code work} for {@code pluginId}; empty when the plugin is failing, throws, or takes too long. */
    <T> Optional<T> call(String pluginId, String what, Callable<T> work) {
        if (isFailing(pluginId)) {
            return Optional.empty();
        }
        Future<T> result = threads.submit(work);
        try {
            return Optional.ofNullable(result.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            result.cancel(true);
            failed(pluginId, what + " took longer than " + TIMEOUT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            failed(pluginId, what + " threw " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /** Runs {@code work} for {@code pluginId} without waiting for it (still timed and counted). */
    void later(String pluginId, String what, Callable<?> work) {
        queue.execute(() -> call(pluginId, what, work));
    }

    boolean isFailing(String pluginId) {
        return failures.getOrDefault(pluginId, new AtomicInteger()).get() >= MAX_FAILURES;
    }

    /** The last thing that went wrong with a plugin, or "". */
    String problem(String pluginId) {
        return lastProblem.getOrDefault(pluginId, "");
    }

    private void failed(String pluginId, String problem, Throwable cause) {
        lastProblem.put(pluginId, problem);
        int count = failures.computeIfAbsent(pluginId, id -> new AtomicInteger()).incrementAndGet();
        LOG.log(Level.WARNING, "plugin " + pluginId + ": " + problem + " (failure " + count + " of " + MAX_FAILURES + ")", cause);
        if (count == MAX_FAILURES) {
            LOG.warning(() -> "plugin " + pluginId + " failed " + MAX_FAILURES + " times; it is no longer called");
            failing.accept(pluginId);
        }
    }

    @Override
    public void close() {
        queue.shutdownNow();
        threads.shutdownNow();
    }
}
