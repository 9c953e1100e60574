package org.rongdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.google.gson.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.rongdesk.api.Callback;

/** A callback that records every {@code (ret, err)} it gets, for tests to wait on. */
public final class Replies implements Callback {
    /** One callback invocation. */
    public record Reply(JsonObject ret, JsonObject err, Thread thread) {
        public String status() {
            return ret.has("status") ? ret.get("status").getAsString() : "";
        }

        public int code() {
            assertThat(err).as("err of %s", ret).isNotNull();
            return err.get("code").getAsInt();
        }

        public String msg() {
            return err.get("msg").getAsString();
        }

        /** For status listener events: {@code ret.result.code}. */
        public int statusCode() {
            return ret.getAsJsonObject("result").get("code").getAsInt();
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final LinkedBlockingQueue<Reply> queue = new LinkedBlockingQueue<>();
    private final List<Reply> seen = new ArrayList<>();

    @Override
    public void call(JsonObject ret, JsonObject err) {
        queue.add(new Reply(ret, err, Thread.currentThread()));
    }

    /** The next reply, waiting up to 30 s. */
    public Reply next() {
        return next(WAIT);
    }

    public Reply next(Duration wait) {
        try {
            Reply reply = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (reply == null) {
                fail("no callback within " + wait.toSeconds() + " s; seen: " + seen);
            }
            seen.add(reply);
            return reply;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** True if a reply arrives within {@code wait}; it is consumed. */
    public boolean anyWithin(Duration wait) throws InterruptedException {
        Reply reply = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (reply != null) {
            seen.add(reply);
        }
        return reply != null;
    }

    /** Waits for the status listener to report {@code code}, returning every code seen up to and including it. */
    public List<Integer> awaitStatus(int code, Duration wait) {
        List<Integer> codes = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("status " + code + " not reported within " + wait.toSeconds() + " s; saw " + codes);
            }
            int next = next(Duration.ofNanos(left)).statusCode();
            codes.add(next);
            if (next == code) {
                return codes;
            }
        }
    }
}
