package org.rongdesk.ui.app;

import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.swing.SwingUtilities;

/**
 * Plugin content types' summaries, computed on worker threads and kept: a plugin may take
 * seconds to say a content (core waits up to 3 s for it), and rows are painted on the EDT.
 * Asked on the EDT, a summary not computed yet answers {@code pending} at once and is computed;
 * {@linkplain #addListener listeners} hear when it is ready, and paint their rows again. The
 * last {@value #KEPT} summaries are kept, by type and content (an edited message is a new content).
 */
public final class PluginSummaries implements Summaries, AutoCloseable {
    static final int KEPT = 2000;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Summaries plugins;
    private final String pending;
    private final Map<String, String> ready = new LinkedHashMap<>(KEPT * 4 / 3 + 1, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEPT;
        }
    };
    /** What waits for each summary being computed (EDT only). */
    private final Map<String, List<Runnable>> computing = new HashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    // two: one plugin that takes its 3 s does not hold up every other summary
    private final ExecutorService workers = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "rongdesk-summaries-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /** Summaries of {@code plugins} (which may block), {@code pending} until each is ready. */
    public PluginSummaries(Summaries plugins, String pending) {
        this.plugins = plugins;
        this.pending = pending;
    }

    @Override
    public String summary(String objectName, JsonObject content) {
        if (!SwingUtilities.isEventDispatchThread()) {
            // a worker of the caller's own may wait
            return plugins.summary(objectName, content);
        }
        String key = key(objectName, content);
        String summary = ready.get(key);
        if (summary != null) {
            return summary;
        }
        compute(key, objectName, content);
        return pending;
    }

    @Override
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void whenReady(String objectName, JsonObject content, Runnable then) {
        String key = key(objectName, content);
        if (ready.containsKey(key)) {
            then.run();
            return;
        }
        compute(key, objectName, content);
        computing.get(key).add(then);
    }

    private void compute(String key, String objectName, JsonObject content) {
        if (computing.containsKey(key)) {
            return;
        }
        computing.put(key, new ArrayList<>());
        JsonObject copy = content == null ? null : content.deepCopy();
        workers.execute(() -> {
            String summary = summarize(objectName, copy);
            SwingUtilities.invokeLater(() -> {
                ready.put(key, summary);
                List<Runnable> waiting = computing.remove(key);
                listeners.forEach(Runnable::run);
                waiting.forEach(Runnable::run);
            });
        });
    }

    private String summarize(String objectName, JsonObject content) {
        try {
            return plugins.summary(objectName, content);
        } catch (RuntimeException e) {
            // as core says a type it cannot summarise
            return "[" + objectName + "]";
        }
    }

    private static String key(String objectName, JsonObject content) {
        return objectName + '\u0000' + content;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
