package org.rongdesk.bench;

import java.nio.file.Path;

import org.rongdesk.devserver.DevServer;

/**
 * {@code bench messaging}: end-to-end throughput, latency, loss and duplication of Rong Desk
 * (two {@link RongCloudPair} clients) against the reference of a {@link BarePair} of Smack
 * clients, both through one private ejabberd started for the run on free ports and removed
 * afterwards. Each side is warmed up first.
 */
final class MessagingBench {
    private static final int WARM_UP = 200;

    private final Report report = new Report("messaging");
    private final ProbeRun probes = new ProbeRun();

    private MessagingBench() {
    }

    static void run(int messages) throws Exception {
        try (Cleanup cleanup = new Cleanup()) {
            BenchServer run = BenchServer.start(cleanup, "rongdesk-bench-messaging-");
            new MessagingBench().measure(run.server(), run.dir(), messages);
        }
    }

    private void measure(DevServer server, Path dir, int messages) throws Exception {
        Receipts bare;
        try (BarePair pair = BarePair.connect(server, "bare-sender", "bare-receiver", probes.sink())) {
            probes.run(pair, "bare-warmup", WARM_UP);
            bare = probes.run(pair, "bare", messages);
        }
        Receipts rongcloud;
        int sendErrors;
        try (RongCloudPair pair = RongCloudPair.connect(server, dir.resolve("clients"), "alice", "bob", probes.sink())) {
            probes.run(pair, "rongcloud-warmup", WARM_UP);
            rongcloud = probes.run(pair, "rongcloud", messages);
            sendErrors = pair.sendErrors();
        }
        print("bare", bare);
        print("rongcloud", rongcloud);
        report.metric("rongcloud_send_errors", sendErrors, "messages");
        report.metric("throughput_ratio_rongcloud_to_bare", rongcloud.throughput() / bare.throughput(), "ratio");
    }

    private void print(String side, Receipts receipts) {
        Samples latencies = receipts.latencies();
        report.metric(side + "_messages", receipts.count(), "messages");
        report.metric(side + "_throughput", receipts.throughput(), "msg/s");
        report.metric(side + "_latency_median_ms", latencies.medianMs(), "ms");
        report.metric(side + "_latency_p99_ms", latencies.p99Ms(), "ms");
        report.metric(side + "_lost", receipts.lost(), "messages");
        report.metric(side + "_duplicated", receipts.duplicated(), "messages");
    }
}
