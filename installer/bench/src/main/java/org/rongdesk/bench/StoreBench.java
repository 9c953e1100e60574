package org.rongdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.rongdesk.store.LocalStore;

/**
 * {@code bench store}: the local store at full size (DESIGN §4, §8; notes/h2-store.md) — import,
 * file size before and after close, history pages, the conversation list, the total unread count,
 * the receive path, and durability on kill -9. Meant to run under the heap cap the launcher gives
 * it (-Xmx128m). Everything lives in a temporary directory, deleted at the end.
 */
final class StoreBench {
    private static final String APP_KEY = "bench.local";
    private static final String USER = "bench-user";
    private static final int BATCH = 1000;
    private static final int RECEIVE_COMMITS = 20_000;
    private static final int KILLS = 5;

    private final Report report = new Report("store");
    private final int messages;
    private final int conversations;

    private StoreBench(int messages, int conversations) {
        this.messages = messages;
        this.conversations = conversations;
    }

    static void run(int messages, int conversations) throws Exception {
        try (Cleanup cleanup = new Cleanup()) {
            TempDir dir = new TempDir("rongdesk-bench-store-");
            cleanup.add(dir::close);
            new StoreBench(messages, conversations).run(dir.path());
        }
    }

    private void run(Path dir) throws Exception {
        Log.info(String.format("store bench: %,d messages over %,d conversations, heap cap %.0f MB, in %s",
                messages, conversations, HeapWatch.maxMb(), dir));
        report.metric("heap_max_mb", HeapWatch.maxMb(), "MB");
        SyntheticMessages workload = new SyntheticMessages(conversations, 42);
        Path data = dir.resolve("data");

        LocalStore store = LocalStore.open(data, APP_KEY, USER);
        Path file = store.directory().resolve("store.mv.db");
        StoreImport.Imported imported;
        try (HeapWatch heap = new HeapWatch()) {
            imported = StoreImport.run(store, workload, messages, BATCH);
            report.metric("import_rows_per_s", messages / (imported.nanos() / 1e9), "rows/s");
            report.metric("import_peak_heap_mb", heap.peakMb(), "MB");
            report.metric("import_peak_live_heap_mb", heap.peakLiveMb(), "MB");
        }
        report.metric("import_peak_rss_mb", HeapWatch.peakRssMb(), "MB");
        report.metric("import_live_heap_after_mb", HeapWatch.liveMb(), "MB");
        report.metric("file_size_before_close_mb", sizeMb(file), "MB");
        long start = System.nanoTime();
        store.close();
        report.metric("close_ms", (System.nanoTime() - start) / 1e6, "ms");
        report.metric("file_size_after_close_mb", sizeMb(file), "MB");

        start = System.nanoTime();
        store = LocalStore.open(data, APP_KEY, USER);
        report.metric("open_existing_ms", (System.nanoTime() - start) / 1e6, "ms");
        try {
            queries(store, imported, workload);
            new SearchQueries(report).run(store, dir.resolve("search"), messages);
            receivePath(store, workload);
        } finally {
            store.close();
        }
        report.metric("file_size_at_end_mb", sizeMb(file), "MB");
        compactedReference(data, file, imported, workload);
        killTests(dir);
    }

    private void queries(LocalStore store, StoreImport.Imported imported, SyntheticMessages workload) {
        StoreQueries queries = new StoreQueries(store, imported, workload);
        Log.info("history pages (warm-up, then timed)");
        queries.historyPages(2000, false);
        printLatency("history_page_20", queries.historyPages(10_000, false));
        printLatency("history_page_20_big_conversation", queries.historyPages(3000, true));
        Log.info("conversation list and unread count");
        report.metric("conversation_list_size", store.conversations().size(), "conversations");
        queries.conversationList(5);
        printLatency("conversation_list", queries.conversationList(40));
        queries.totalUnread(200);
        printLatency("total_unread", queries.totalUnread(1000));
    }

    /**
     * The reference: the same file after H2's SHUTDOWN COMPACT — its size, and the list and
     * history reads again, to tell what file growth costs.
     */
    private void compactedReference(Path data, Path file, StoreImport.Imported imported, SyntheticMessages workload)
            throws Exception {
        Log.info("reference: SHUTDOWN COMPACT of the closed file, then the reads again");
        long start = System.nanoTime();
        CompactReference.compact(file);
        report.metric("compact_reference_ms", (System.nanoTime() - start) / 1e6, "ms");
        report.metric("file_size_compact_reference_mb", sizeMb(file), "MB");
        try (LocalStore store = LocalStore.open(data, APP_KEY, USER)) {
            StoreQueries queries = new StoreQueries(store, imported, workload);
            queries.historyPages(1000, false);
            printLatency("history_page_20_compact_reference", queries.historyPages(5000, false));
            queries.conversationList(3);
            printLatency("conversation_list_compact_reference", queries.conversationList(20));
        }
    }

    private void receivePath(LocalStore store, SyntheticMessages workload) {
        Log.info(String.format("receive path: %,d commits of one message", RECEIVE_COMMITS));
        Samples commits = ReceivePath.run(store, workload, RECEIVE_COMMITS);
        report.metric("receive_path_commits_per_s", commits.size() / (commits.totalMs() / 1000), "msg/s");
        printLatency("receive_path_commit", commits);
    }

    private void killTests(Path dir) throws IOException, InterruptedException {
        SplittableRandom random = new SplittableRandom(11);
        for (KillTest.Mode mode : KillTest.Mode.values()) {
            String prefix = "kill9_" + mode.name().toLowerCase() + "_";
            int acknowledged = 0;
            int missing = 0;
            int unrecoverable = 0;
            double rate = 0;
            for (int round = 1; round <= KILLS; round++) {
                Path roundDir = dir.resolve("kill-" + mode.name().toLowerCase() + "-" + round);
                KillTest.Outcome outcome = KillTest.once(mode, roundDir, 1000 + random.nextInt(2001));
                Log.info(String.format("kill -9 %s round %d: %,d acknowledged, %,d missing, %,d unrecoverable", mode, round,
                        outcome.acknowledged(), outcome.missing(), outcome.lostUnrecoverable()));
                acknowledged += outcome.acknowledged();
                missing += outcome.missing();
                unrecoverable += outcome.lostUnrecoverable();
                rate += outcome.ackPerSecond() / KILLS;
                TempDir.delete(roundDir);
            }
            report.metric(prefix + "kills", KILLS, "count");
            report.metric(prefix + "acknowledged", acknowledged, "messages");
            report.metric(prefix + "acknowledged_missing", missing, "messages");
            report.metric(prefix + "lost_unrecoverable", unrecoverable, "messages");
            report.metric(prefix + "commits_per_s", rate, "msg/s");
        }
    }

    private void printLatency(String name, Samples samples) {
        report.metric(name + "_median_ms", samples.medianMs(), "ms");
        report.metric(name + "_p99_ms", samples.p99Ms(), "ms");
    }

    private static double sizeMb(Path file) throws IOException {
        return Files.size(file) / 1048576.0;
    }
}
