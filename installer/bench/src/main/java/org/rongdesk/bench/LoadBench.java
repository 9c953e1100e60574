package org.rongdesk.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

import org.rongdesk.devserver.Cluster;
import org.rongdesk.devserver.DevServer;

/**
 * {@code bench load}: many Rong Desk clients in one JVM (each with its own store) in one chat room
 * of a private ejabberd, each sending at a steady rate to the room and privately to random others
 * for a bounded time. Then it waits for the deliveries to settle and counts, per kind: sent,
 * failed, expected deliveries, received, lost, duplicated, and the same read back from every
 * store. A check as much as a benchmark: {@link #run} answers false when anything was lost,
 * duplicated, misdelivered or failed. With {@code --cluster [N]} the server is an ejabberd cluster
 * of N nodes (default 2, {@code ./rongcloud cluster}) and the clients are spread over its nodes
 * in turn (each config lists its node first); the chat room lives on the first client's node.
 */
final class LoadBench {
    private static final String ROOM = "load";
    /** How long deliveries may stall before the run stops waiting for the rest. */
    private static final Duration SETTLE_IDLE = Duration.ofSeconds(30);
    /** How long the receive listeners must be silent before the stores are read. */
    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final long PROGRESS_NANOS = 5_000_000_000L;

    private final Report report = new Report("load");
    private final Plan plan;

    /** How many clients send how fast for how long ({@code rate}: messages a second per client). */
    private record Plan(int clients, Duration duration, double rate) {
    }

    private LoadBench(Plan plan) {
        this.plan = plan;
    }

    /** {@code --clients N --seconds S --rate R [--cluster [N]]} (rate: messages a second per client); true when the run was clean. */
    static boolean run(Options options) throws Exception {
        int clients = options.intValue("clients", 50);
        if (clients < 2) {
            throw new Options.BadOption("--clients must be at least 2: " + clients);
        }
        LoadBench bench = new LoadBench(new Plan(clients, Duration.ofSeconds(options.intValue("seconds", 30)),
                options.doubleValue("rate", 1)));
        try (Cleanup cleanup = new Cleanup()) {
            if (options.has("cluster")) {
                int nodes = options.value("cluster", "").isEmpty() ? 2 : options.intValue("cluster", 2);
                TempDir dir = new TempDir("rongdesk-bench-load-");
                cleanup.add(dir::close);
                Cluster cluster = Cluster.create(dir.path().resolve("cluster"), "demo.local", nodes);
                cleanup.add(cluster::destroy);
                Log.info("starting an ejabberd cluster of " + nodes + " nodes");
                cluster.start();
                bench.report.metric("cluster_nodes", nodes, "nodes");
                return bench.measure(i -> cluster.clientConfig(i % nodes + 1), cluster.node(1), dir.path().resolve("clients"));
            }
            BenchServer run = BenchServer.start(cleanup, "rongdesk-bench-load-");
            Path config = run.server().writeClientConfig(run.dir().resolve("clients/config.xml"));
            bench.report.metric("cluster_nodes", 1, "nodes");
            return bench.measure(i -> config, run.server(), run.dir().resolve("clients"));
        }
    }

    /** Client {@code i} reads {@code configs.apply(i)}; tokens come from {@code tokens}. */
    private boolean measure(IntFunction<Path> configs, DevServer tokens, Path dir) throws Exception {
        long start = System.nanoTime();
        List<String> users = LoadClients.users(plan.clients());
        LoadLedger ledger = new LoadLedger(users, ROOM);
        try (HeapWatch heap = new HeapWatch(); LoadClients clients = LoadClients.signIn(configs, tokens, dir, users, ledger)) {
            double signInSeconds = (System.nanoTime() - start) / 1e9;
            clients.joinRoom(ROOM);
            Log.info(String.format("%d clients signed in (%.1f s) and in chat room %s", plan.clients(), signInSeconds, ROOM));
            report.metric("sign_in_all_s", signInSeconds, "s");
            report.metric("heap_live_signed_in_mib", HeapWatch.liveMb(), "MiB");

            Log.info(String.format("sending for %d s, %.2f messages/s per client", plan.duration().toSeconds(), plan.rate()));
            long sending = System.nanoTime();
            new LoadTraffic(clients, ledger, ROOM).run(plan.duration(), plan.rate());
            double sendingSeconds = (System.nanoTime() - sending) / 1e9;
            double settleSeconds = settle(ledger);

            LoadStoreAudit audit = new LoadStoreAudit(ledger);
            audit.run(clients.clients());
            Log.info(String.format("read %,d messages back from %d stores", audit.messagesRead(), plan.clients()));

            boolean clean = true;
            long delivered = 0;
            for (LoadLedger.Kind kind : LoadLedger.Kind.values()) {
                LoadFigures figures = ledger.figures(kind);
                print(kind.name().toLowerCase(), figures);
                clean &= figures.clean();
                delivered += figures.received() + figures.receivedOfFailed();
            }
            clean &= audit.unreadMismatches() == 0 && ledger.unknown() == 0;
            report.metric("clients", plan.clients(), "clients");
            report.metric("rate_per_client", plan.rate(), "msg/s");
            report.metric("sending_s", sendingSeconds, "s");
            report.metric("send_throughput", ledger.size() / sendingSeconds, "msg/s");
            report.metric("delivery_throughput", delivered / ledger.deliverySeconds(), "deliveries/s");
            report.metric("settle_s", settleSeconds, "s");
            report.metric("unknown_received", ledger.unknown(), "messages");
            report.metric("unread_mismatched_clients", audit.unreadMismatches(), "clients");
            report.metric("still_receiving_clients", audit.unsettled(), "clients");
            report.metric("heap_max_mib", HeapWatch.maxMb(), "MiB");
            report.metric("heap_peak_mib", heap.peakMb(), "MiB");
            report.metric("heap_peak_live_mib", heap.peakLiveMb(), "MiB");
            report.metric("heap_live_end_mib", HeapWatch.liveMb(), "MiB");
            report.metric("rss_peak_mib", HeapWatch.peakRssMb(), "MiB");
            report.metric("threads", ManagementFactory.getThreadMXBean().getThreadCount(), "threads");
            report.metric("store_cache_kib", Integer.getInteger("rongdesk.store.cacheKiB", 8192), "KiB");
            report.metric("run_s", (System.nanoTime() - start) / 1e9, "s");
            report.metric("clean", clean ? 1 : 0, "boolean");
            Log.info(clean ? "clean: every message sent, delivered once and stored once"
                    : "NOT clean: see the failed, lost, duplicated, stray and stored_* figures");
            return clean;
        }
    }

    /**
     * Waits until every send is answered and every delivery came, or until they stall; then until
     * the receive listeners have been quiet for a moment (messages whose send failed may still
     * come), so that the stores hold still while they are read. Returns the seconds waited.
     */
    private static double settle(LoadLedger ledger) throws InterruptedException {
        long start = System.nanoTime();
        if (!waitFor(ledger, ledger::receipts, SETTLE_IDLE, ledger::settled)) {
            Log.info("deliveries stalled for " + SETTLE_IDLE.toSeconds() + " s; counting what came");
        }
        long[] quietSince = {System.nanoTime()};
        long[] seen = {ledger.events()};
        waitFor(ledger, ledger::events, SETTLE_IDLE, () -> {
            long events = ledger.events();
            if (events != seen[0]) {
                seen[0] = events;
                quietSince[0] = System.nanoTime();
            }
            return System.nanoTime() - quietSince[0] > QUIET.toNanos();
        });
        return (System.nanoTime() - start) / 1e9;
    }

    /** Polls {@code done} until true (answers true), or until {@code progress} stops moving for {@code idle} (false). */
    private static boolean waitFor(LoadLedger ledger, LongSupplier progress, Duration idle, BooleanSupplier done)
            throws InterruptedException {
        long progressAt = System.nanoTime();
        long seen = -1;
        long stalledSince = progressAt;
        while (!done.getAsBoolean()) {
            long now = System.nanoTime();
            long moved = progress.getAsLong();
            if (moved != seen) {
                seen = moved;
                stalledSince = now;
            } else if (now - stalledSince > idle.toNanos()) {
                return false;
            }
            if (now - progressAt > PROGRESS_NANOS) {
                progressAt = now;
                Log.info(String.format("settling: %,d deliveries so far", ledger.receipts()));
            }
            Thread.sleep(100);
        }
        return true;
    }

    private void print(String kind, LoadFigures figures) {
        figures.messageCounts().forEach((name, count) -> report.metric(name, kind, count, "messages"));
        figures.deliveryCounts().forEach((name, count) -> report.metric(name, kind, count, "deliveries"));
        report.metric("latency_median_ms", kind, figures.latencies().medianMs(), "ms");
        report.metric("latency_p99_ms", kind, figures.latencies().p99Ms(), "ms");
        Log.info(String.format("%s: %,d sent, %,d failed, %,d expected, %,d received, %,d lost, %,d duplicated, %,d stored",
                kind, figures.sent(), figures.failed(), figures.expected(), figures.received(), figures.lost(),
                figures.duplicated(), figures.stored()));
    }
}
