package org.rongdesk.bench;

/**
 * Numbered probe messages of one run, from send to receipt. A probe's text carries the run, its
 * sequence number and its send time: {@code "#run:seq@nanoTime filler"}; texts of other runs are
 * ignored. Thread-safe: sends and receipts come on different threads.
 */
final class Receipts {
    private static final String FILLER = " the quick brown fox jumps over the lazy dog";

    private final String run;
    private final int count;
    private final long[] latencyNanos;
    private final int[] copies;
    private int distinct;
    private int duplicates;
    private long firstSend;
    private long lastSend;
    private long lastReceipt;

    Receipts(String run, int count) {
        this.run = run;
        this.count = count;
        this.latencyNanos = new long[count];
        this.copies = new int[count];
    }

    int count() {
        return count;
    }

    /** The text of probe {@code seq}, stamped now. */
    synchronized String text(int seq) {
        long now = System.nanoTime();
        if (seq == 0) {
            firstSend = now;
        }
        lastSend = now;
        return "#" + run + ":" + seq + "@" + now + FILLER;
    }

    /** Records a received text (a probe of this run or not). */
    void received(String text) {
        long now = System.nanoTime();
        if (text == null || !text.startsWith("#" + run + ":")) {
            return;
        }
        int at = text.indexOf('@');
        int seq = Integer.parseInt(text.substring(run.length() + 2, at));
        long sentAt = Long.parseLong(text.substring(at + 1, text.indexOf(' ', at)));
        synchronized (this) {
            if (copies[seq]++ > 0) {
                duplicates++;
                return;
            }
            latencyNanos[seq] = now - sentAt;
            distinct++;
            lastReceipt = now;
            notifyAll();
        }
    }

    /** Waits until every probe has arrived, or until {@code idleMillis} pass without a new one. */
    synchronized void await(long idleMillis) throws InterruptedException {
        long idleSince = System.nanoTime();
        int seen = distinct;
        while (distinct < count) {
            long left = idleMillis - (System.nanoTime() - idleSince) / 1_000_000;
            if (left <= 0) {
                return;
            }
            wait(left);
            if (distinct != seen) {
                seen = distinct;
                idleSince = System.nanoTime();
            }
        }
    }

    synchronized int lost() {
        return count - distinct;
    }

    synchronized int duplicated() {
        return duplicates;
    }

    /** Probes received per second, from the first send to the last receipt. */
    synchronized double throughput() {
        return distinct == 0 ? 0 : distinct / ((lastReceipt - firstSend) / 1e9);
    }

    /** Seconds spent issuing the sends. */
    synchronized double sendingSeconds() {
        return (lastSend - firstSend) / 1e9;
    }

    /** Send-to-receipt latencies of the probes that arrived. */
    synchronized Samples latencies() {
        Samples samples = new Samples(distinct);
        for (int seq = 0; seq < count; seq++) {
            if (copies[seq] > 0) {
                samples.add(latencyNanos[seq]);
            }
        }
        return samples;
    }
}
