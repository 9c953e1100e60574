package org.rongdesk.bench;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.rongdesk.store.LocalStore;

/**
 * Read latencies on a filled store. H2 answers a repeated identical query from its result cache
 * while the tables are unchanged, so history pages start at random messages, and every timed
 * conversation-list or unread read follows an untimed write (a new message, as in real use).
 */
final class StoreQueries {
    private static final int PAGE = 20;

    private final LocalStore store;
    private final StoreImport.Imported imported;
    private final SyntheticMessages workload;
    private final SplittableRandom random = new SplittableRandom(7);
    private final int[] inBigConversation;
    /** Refresh writes so far, across instances: their uids must be new, or the store skips them. */
    private static int writes;

    StoreQueries(LocalStore store, StoreImport.Imported imported, SyntheticMessages workload) {
        this.store = store;
        this.imported = imported;
        this.workload = workload;
        int[] conversationOf = imported.conversationOf();
        this.inBigConversation = IntStream.range(0, conversationOf.length).filter(i -> conversationOf[i] == 0).toArray();
    }

    /**
     * Pages of 20 from random messages of random conversations (one in ten from the newest), or
     * only of the big conversation when {@code big}.
     */
    Samples historyPages(int count, boolean big) {
        Samples samples = new Samples(count);
        for (int n = 0; n < count; n++) {
            int message = big ? inBigConversation[random.nextInt(inBigConversation.length)]
                    : random.nextInt(imported.ids().length);
            long before = random.nextInt(10) == 0 ? -1 : imported.ids()[message] + 1;
            long start = System.nanoTime();
            int size = store.history(SyntheticMessages.key(imported.conversationOf()[message]), before, PAGE, null).size();
            samples.add(System.nanoTime() - start);
            if (size == 0) {
                throw new IllegalStateException("an empty history page where messages are");
            }
        }
        return samples;
    }

    /** The whole conversation list, after a new message each time. */
    Samples conversationList(int count) {
        Samples samples = new Samples(count);
        for (int n = 0; n < count; n++) {
            writeOne();
            long start = System.nanoTime();
            store.conversations();
            samples.add(System.nanoTime() - start);
        }
        return samples;
    }

    /** The total unread count over every type, after a new message each time. */
    Samples totalUnread(int count) {
        Samples samples = new Samples(count);
        for (int n = 0; n < count; n++) {
            writeOne();
            long start = System.nanoTime();
            store.unread(List.of());
            samples.add(System.nanoTime() - start);
        }
        return samples;
    }

    private void writeOne() {
        int conversation = workload.anyConversation();
        if (store.addIncoming(List.of(workload.received(conversation, "query-refresh-" + writes++,
                System.currentTimeMillis())), Map.of()).size() != 1) {
            throw new IllegalStateException("the store skipped a new message");
        }
    }
}
