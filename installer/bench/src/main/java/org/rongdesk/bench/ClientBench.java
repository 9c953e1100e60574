package org.rongdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code bench startup} and {@code bench memory} (DESIGN §8): the desktop client started again and
 * again under the display of the benchmark (run it under Xvfb on a server), on an empty store and
 * on a store of 1,000,000 messages over 10,000 conversations, next to a bare FlatLaf frame on the
 * same JVM and options. Figures are medians.
 *
 * <ul>
 * <li>{@code interactive_ms}: from spawning the process to the client's line
 * {@code rongdesk: interactive} (printed once the main window shows, with its conversation list
 * read and painted);
 * <li>{@code rss_mib}: resident memory ({@code /proc/PID/status} VmRSS) after settling;
 * <li>{@code rss_after_scroll_mib}: after scrolling back through 100,000 messages of one
 * conversation's history, page by page, as holding Home does.
 * </ul>
 */
final class ClientBench {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final long SETTLE_MS = 3000;
    private static final String INTERACTIVE = "rongdesk: interactive";

    private final Options options;
    private final ClientCommand command;
    private final ClientStores stores;
    private final Path dir;
    private final int runs;

    private ClientBench(Options options, ClientCommand command, ClientStores stores, Path dir) {
        this.options = options;
        this.command = command;
        this.stores = stores;
        this.dir = dir;
        this.runs = options.intValue("runs", 7);
    }

    static void startup(Options options) throws Exception {
        try (TempDir dir = new TempDir("rongdesk-client-bench")) {
            ClientBench bench = create(options, dir.path());
            Report report = new Report("startup");
            bench.warmUp();
            Samples bare = bench.bare(null);
            report.metric("bare_frame_ms", bare.medianMs(), "ms");
            for (Case each : bench.cases()) {
                Samples interactive = bench.client(each.data(), null, new String[0]);
                report.metric("interactive_ms", each.name(), interactive.medianMs(), "ms");
                report.metric("interactive_vs_bare_frame", each.name(), interactive.medianMs() / bare.medianMs(), "x");
            }
        }
    }

    static void memory(Options options) throws Exception {
        try (TempDir dir = new TempDir("rongdesk-client-bench")) {
            ClientBench bench = create(options, dir.path());
            Report report = new Report("memory");
            bench.warmUp();
            List<Double> bareRss = new ArrayList<>();
            bench.bare(bareRss);
            report.metric("bare_frame_rss_mib", median(bareRss), "MiB");
            for (Case each : bench.cases()) {
                List<Double> rss = new ArrayList<>();
                bench.client(each.data(), rss, new String[0]);
                report.metric("rss_mib", each.name(), median(rss), "MiB");
            }
            int scroll = options.intValue("scroll", 100_000);
            if (scroll <= 0) {
                return;
            }
            Path history = bench.stores.withMessages(scroll + 10_000, 1);
            List<Double> before = new ArrayList<>();
            bench.client(history, before, new String[0]);
            report.metric("rss_mib", "one conversation of " + (scroll + 10_000) + " messages", median(before), "MiB");
            bench.scroll(history, scroll, report, median(before));
        }
    }

    private static ClientBench create(Options options, Path dir) throws IOException {
        Path launcher = options.has("launcher") ? Path.of(options.value("launcher", "")) : defaultLauncher();
        ClientCommand command = ClientCommand.prepare(dir, launcher);
        Path cache = Path.of(options.value("stores", dir.resolve("stores").toString()));
        Log.info(command.distribution() ? "client: the distribution at " + launcher
                : "client: this JVM with " + ClientCommand.TUNED + " and a CDS archive made by the first run");
        return new ClientBench(options, command, new ClientStores(cache), dir);
    }

    /** {@code <rongdesk.home>/../dist/rongdesk/bin/rongcloud}, the distribution's launcher, if built. */
    private static Path defaultLauncher() {
        String home = System.getProperty("rongdesk.home");
        return home == null ? null : Path.of(home).resolveSibling("dist").resolve("rongdesk/bin/rongcloud");
    }

    private record Case(String name, Path data) {
    }

    private List<Case> cases() throws IOException {
        int messages = options.intValue("messages", 1_000_000);
        int conversations = options.intValue("conversations", 10_000);
        return List.of(new Case("empty store", stores.empty(dir)),
                new Case(String.format("store of %d messages, %d conversations", messages, conversations),
                        stores.withMessages(messages, conversations)));
    }

    /** One run that is not counted: it makes the fallback's CDS archive and warms the file cache. */
    private void warmUp() throws Exception {
        Path data = stores.empty(dir);
        try (ClientProcess client = ClientProcess.start(command.client(data, "-Drongdesk.startup=exit"),
                command.environment("-Drongdesk.startup=exit"), dir.resolve("warm-up.log"))) {
            if (client.await(INTERACTIVE, START_TIMEOUT) == null) {
                throw new IllegalStateException("the client did not start: see " + Files.readString(dir.resolve("warm-up.log")));
            }
            for (int i = 0; i < 100 && client.isAlive(); i++) {
                Thread.sleep(100);
            }
        }
    }

    /** Starts the client {@link #runs} times on {@code data}; the times to interactive, and RSS after settling into {@code rss}. */
    private Samples client(Path data, List<Double> rss, String[] more) throws Exception {
        Samples samples = new Samples(runs);
        for (int i = 0; i < runs; i++) {
            String[] properties = concat("-Drongdesk.startup=report", more);
            try (ClientProcess client = ClientProcess.start(command.client(data, properties), command.environment(properties),
                    dir.resolve("client.log"))) {
                ClientProcess.Line line = client.await(INTERACTIVE, START_TIMEOUT);
                if (line == null) {
                    throw new IllegalStateException("the client did not become interactive: " + Files.readString(dir.resolve("client.log")));
                }
                samples.add((long) (line.atMs() * 1e6));
                if (rss != null) {
                    Thread.sleep(SETTLE_MS);
                    rss.add(client.rssMib());
                }
            }
        }
        return samples;
    }

    /** The bare frame {@link #runs} times. */
    private Samples bare(List<Double> rss) throws Exception {
        Samples samples = new Samples(runs);
        for (int i = 0; i < runs; i++) {
            try (ClientProcess frame = ClientProcess.start(command.bareFrame(), Map.of(), dir.resolve("bare.log"))) {
                ClientProcess.Line line = frame.await("bare: interactive", START_TIMEOUT);
                if (line == null) {
                    throw new IllegalStateException("the bare frame did not show: " + Files.readString(dir.resolve("bare.log")));
                }
                samples.add((long) (line.atMs() * 1e6));
                if (rss != null) {
                    Thread.sleep(SETTLE_MS);
                    rss.add(frame.rssMib());
                }
            }
        }
        return samples;
    }

    /** Scrolls back through {@code messages} and reports memory after (and its peak meanwhile). */
    private void scroll(Path data, int messages, Report report, double before) throws Exception {
        String[] properties = {"-Drongdesk.startup=report", "-Drongdesk.bench.scroll=" + messages};
        try (ClientProcess client = ClientProcess.start(command.client(data, properties), command.environment(properties),
                dir.resolve("scroll.log"))) {
            if (client.await(INTERACTIVE, START_TIMEOUT) == null) {
                throw new IllegalStateException("the client did not start: " + Files.readString(dir.resolve("scroll.log")));
            }
            double peak = 0;
            long start = System.nanoTime();
            ClientProcess.Line done = null;
            while (done == null && client.isAlive() && System.nanoTime() - start < Duration.ofMinutes(10).toNanos()) {
                peak = Math.max(peak, client.rssMib());
                done = client.await("rongdesk: scrolled", Duration.ofMillis(500));
            }
            if (done == null) {
                throw new IllegalStateException("the history did not scroll: " + Files.readString(dir.resolve("scroll.log")));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int read = Integer.parseInt(done.text().substring("rongdesk: scrolled ".length()).strip());
            Thread.sleep(SETTLE_MS);
            double after = client.rssMib();
            report.metric("scrolled_messages", read, "messages");
            report.metric("scroll_messages_per_s", read / seconds, "messages/s");
            report.metric("rss_peak_while_scrolling_mib", Math.max(peak, after), "MiB");
            report.metric("rss_after_scroll_mib", after, "MiB");
            report.metric("rss_growth_while_scrolling", after / before, "x");
        }
    }

    private static String[] concat(String first, String[] more) {
        String[] all = new String[more.length + 1];
        all[0] = first;
        System.arraycopy(more, 0, all, 1, more.length);
        return all;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }
}
