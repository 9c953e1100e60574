package org.rongdesk.bench;

import java.util.List;
import java.util.Map;

import org.rongdesk.store.LocalStore;

/** The live receive path: one message per {@link LocalStore#addIncoming} call (one commit), with its sync position. */
final class ReceivePath {
    private ReceivePath() {
    }

    /** Per-commit latencies of {@code count} calls; their sum is the elapsed time. */
    static Samples run(LocalStore store, SyntheticMessages workload, int count) {
        Samples samples = new Samples(count);
        for (int i = 0; i < count; i++) {
            String uid = "live-" + i;
            var message = workload.received(workload.nextConversation(), uid, System.currentTimeMillis());
            long start = System.nanoTime();
            store.addIncoming(List.of(message), Map.of("mam:bench", uid));
            samples.add(System.nanoTime() - start);
        }
        return samples;
    }
}
