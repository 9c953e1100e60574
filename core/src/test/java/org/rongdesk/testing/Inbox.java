package org.rongdesk.testing;

import static org.assertj.core.api.Assertions.fail;

import com.google.gson.JsonObject;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import org.rongdesk.api.Callback;

/**
 * A receive listener that counts what arrives by text (a message's content.text, else its
 * objectName), for tests that check every message came exactly once.
 */
public final class Inbox implements Callback {
    private final Map<String, Integer> counts = new HashMap<>();

    @Override
    public synchronized void call(JsonObject ret, JsonObject err) {
        if (err != null || ret == null || !ret.has("result")) {
            return;
        }
        JsonObject message = ret.getAsJsonObject("result").getAsJsonObject("message");
        JsonObject content = message.getAsJsonObject("content");
        String key = content != null && content.has("text") ? content.get("text").getAsString()
                : message.get("objectName").getAsString();
        counts.merge(key, 1, Integer::sum);
        notifyAll();
    }

    /** Waits until every one of {@code texts} has arrived at least once. */
    public synchronized void awaitTexts(Collection<String> texts, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!counts.keySet().containsAll(texts)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                TreeSet<String> missing = new TreeSet<>(texts);
                missing.removeAll(counts.keySet());
                fail(missing.size() + " of " + texts.size() + " messages did not arrive within " + wait.toSeconds()
                        + " s, first missing: " + missing.stream().limit(10).toList());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Texts that arrived more than once, with how often. */
    public synchronized Map<String, Integer> duplicates() {
        Map<String, Integer> twice = new HashMap<>();
        counts.forEach((text, count) -> {
            if (count > 1) {
                twice.put(text, count);
            }
        });
        return twice;
    }

    /** How many messages arrived in all. */
    public synchronized int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
