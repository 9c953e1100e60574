package org.rongdesk.message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jxmpp.jid.EntityBareJid;

/**
 * Messages sent and not yet confirmed, by origin id. At most {@value #MAX_IN_FLIGHT} are out at
 * once: a confirming ping waits behind every message sent before it, so an unbounded burst would
 * make a busy server look stalled.
 */
final class PendingSends {
    static final int MAX_IN_FLIGHT = 64;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

    /**
     * A message out and not yet confirmed; {@code room} is its room, null for a private message;
     * {@code again} when it is out a second time, after its room had forgotten the user.
     */
    record Pending(long messageId, SendListener listener, EntityBareJid room, boolean again) {
    }

    /** Takes a place for one more message, waiting up to {@code timeout}; false when none came free. */
    boolean reserve(Duration timeout) throws InterruptedException {
        return inFlight.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Adds a message sent in a place {@link #reserve} took. */
    void add(String originId, Pending message) {
        pending.put(originId, message);
    }

    /** The message waiting under {@code originId}, left waiting; null if none. */
    Pending peek(String originId) {
        return pending.get(originId);
    }

    /** Removes a message from those waiting (null if it was not there) and frees its place. */
    Pending take(String originId) {
        Pending waiting = pending.remove(originId);
        if (waiting != null) {
            inFlight.release();
        }
        return waiting;
    }

    /** Removes {@code message} if it is still the one waiting under {@code originId} (and frees its place). */
    boolean take(String originId, Pending message) {
        boolean taken = pending.remove(originId, message);
        if (taken) {
            inFlight.release();
        }
        return taken;
    }

    /** Removes every waiting message. */
    List<Pending> takeAll() {
        List<Pending> all = new ArrayList<>();
        for (String originId : List.copyOf(pending.keySet())) {
            Pending waiting = take(originId);
            if (waiting != null) {
                all.add(waiting);
            }
        }
        return all;
    }
}
