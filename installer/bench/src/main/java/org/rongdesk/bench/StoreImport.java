package org.rongdesk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.rongdesk.model.NewMessage;
import org.rongdesk.model.StoredMessage;
import org.rongdesk.store.LocalStore;

/**
 * Fills a store with the workload through {@link LocalStore#addIncoming} in batches (one
 * transaction each, with a sync position, as a catch-up does), and remembers where every message
 * went so that queries can start at random points.
 */
final class StoreImport {
    /** Message i has local id {@code ids[i]} and is in conversation {@code conversationOf[i]}. */
    record Imported(long[] ids, int[] conversationOf, long nanos) {
    }

    private StoreImport() {
    }

    static Imported run(LocalStore store, SyntheticMessages workload, int messages, int batchSize) {
        long[] ids = new long[messages];
        int[] conversationOf = new int[messages];
        long baseTime = System.currentTimeMillis() - messages * 1000L;
        long start = System.nanoTime();
        for (int from = 0; from < messages; from += batchSize) {
            int to = Math.min(messages, from + batchSize);
            List<NewMessage> batch = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                conversationOf[i] = workload.nextConversation();
                batch.add(workload.received(conversationOf[i], "import-" + i, baseTime + i * 1000L));
            }
            List<StoredMessage> stored = store.addIncoming(batch, Map.of("mam:bench", "import-" + (to - 1)));
            if (stored.size() != batch.size()) {
                throw new IllegalStateException("the store took " + stored.size() + " of " + batch.size() + " new messages");
            }
            for (int i = from; i < to; i++) {
                ids[i] = stored.get(i - from).id();
            }
            if (to % 100_000 == 0 || to == messages) {
                double seconds = (System.nanoTime() - start) / 1e9;
                Log.info(String.format("imported %,d messages (%.0f rows/s)", to, to / seconds));
            }
        }
        return new Imported(ids, conversationOf, System.nanoTime() - start);
    }
}
