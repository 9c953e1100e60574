package org.rongdesk.bench;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** Pipelined probe runs over a {@link Pair}: every send issued at once, then the wait for the receipts. */
final class ProbeRun {
    private static final long IDLE_MILLIS = 60_000;

    private final AtomicReference<Receipts> current = new AtomicReference<>(new Receipts("none", 0));

    /** Where the pair hands received texts. */
    Consumer<String> sink() {
        return text -> current.get().received(text);
    }

    /**
     * Sends {@code count} probes named {@code run} and waits until all have arrived or 60 s pass
     * without a new one.
     */
    Receipts run(Pair pair, String run, int count) throws Exception {
        Receipts receipts = new Receipts(run, count);
        current.set(receipts);
        for (int seq = 0; seq < count; seq++) {
            pair.send(receipts.text(seq));
        }
        receipts.await(IDLE_MILLIS);
        Log.info(String.format("%s: %,d sent in %.2f s, %,d lost, %,d duplicated, %.0f msg/s", run, count,
                receipts.sendingSeconds(), receipts.lost(), receipts.duplicated(), receipts.throughput()));
        return receipts;
    }
}
