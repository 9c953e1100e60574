package org.rongdesk.testing;

import static org.assertj.core.api.Assertions.fail;

import com.google.gson.JsonObject;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

import org.rongdesk.api.Callback;

/** Keeps the outcome of many sends by a key of the test's choosing: ids, successes, failures and their codes. */
public final class SendLog {
    private final Map<String, Long> ids = new HashMap<>();
    private final Set<String> succeeded = new HashSet<>();
    private final Map<String, Long> failed = new HashMap<>();
    private final Set<Integer> codes = new HashSet<>();

    /** The callback for one send, known as {@code key}. */
    public Callback callback(String key) {
        return (ret, err) -> record(key, ret, err);
    }

    private synchronized void record(String key, JsonObject ret, JsonObject err) {
        String status = ret.has("status") ? ret.get("status").getAsString() : "";
        if (status.equals("prepare")) {
            ids.put(key, ret.getAsJsonObject("result").getAsJsonObject("message").get("messageId").getAsLong());
        } else if (status.equals("success")) {
            succeeded.add(key);
        } else if (status.equals("error")) {
            failed.put(key, ids.get(key));
            codes.add(err.get("code").getAsInt());
        }
        notifyAll();
    }

    /** Waits until at least {@code count} sends succeeded. */
    public void awaitSucceeded(int count, Duration wait) throws InterruptedException {
        await(() -> succeeded.size(), count, "succeeded", wait);
    }

    /** Waits until at least {@code count} sends have their final answer (success or error). */
    public void awaitFinished(int count, Duration wait) throws InterruptedException {
        await(() -> succeeded.size() + failed.size(), count, "finished", wait);
    }

    private synchronized void await(IntSupplier done, int count, String what, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (done.getAsInt() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("only " + done.getAsInt() + " of " + count + " sends " + what + " within " + wait.toSeconds()
                        + " s (" + succeeded.size() + " succeeded, " + failed.size() + " failed)");
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** How many sends succeeded. */
    public synchronized int succeeded() {
        return succeeded.size();
    }

    /** Failed sends: key → message id. */
    public synchronized Map<String, Long> failed() {
        return new HashMap<>(failed);
    }

    /** The error codes failed sends answered. */
    public synchronized Set<Integer> failureCodes() {
        return new HashSet<>(codes);
    }
}
