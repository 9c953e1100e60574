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
 * same runtime and options with a class cache of its own. Each runtime compared (the
 * distribution's, Java 25 with an AOT cache when built so, and the JVM running the benchmark,
 * Java 17 with AppCDS) reports its own figures, the runtime named in each case. Figures are medians.
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
    private static final String PHASES = "rongdesk: phases";

    private final Options options;
    private final ClientCommand command;
    private final ClientStores stores;
    private final Path dir;
    private final int runs;
    /** {@code --trace yes}: each run's start-up phases (ms since the JVM started) go to the log. */
    private final boolean trace;

    private ClientBench(Options options, ClientCommand command, ClientStores stores, Path dir) {
        this.options = options;
        this.command = command;
        this.stores = stores;
        this.dir = dir;
        this.runs = options.intValue("runs", 7);
        this.trace = options.value("trace", "no").equals("yes");
    }

    static void startup(Options options) throws Exception {
        try (TempDir dir = new TempDir("rongdesk-client-bench")) {
            Report report = new Report("startup");
            for (ClientBench bench : create(options, dir.path())) {
                String runtime = bench.command.runtime().label();
                bench.warmUp();
                Samples bare = bench.bare(null);
                report.metric("bare_frame_ms", runtime, bare.medianMs(), "ms");
                for (Case each : bench.cases()) {
                    Samples interactive = bench.client(each.data(), null, new String[0]);
                    report.metric("interactive_ms", each.name() + ", " + runtime, interactive.medianMs(), "ms");
                    report.metric("interactive_vs_bare_frame", each.name() + ", " + runtime,
                            interactive.medianMs() / bare.medianMs(), "x");
                }
            }
        }
    }

    static void memory(Options options) throws Exception {
        try (TempDir dir = new TempDir("rongdesk-client-bench")) {
            Report report = new Report("memory");
            List<ClientBench> benches = create(options, dir.path());
            for (ClientBench bench : benches) {
                String runtime = bench.command.runtime().label();
                bench.warmUp();
                List<Double> bareRss = new ArrayList<>();
                bench.bare(bareRss);
                double bare = median(bareRss);
                report.metric("bare_frame_rss_mib", runtime, bare, "MiB");
                for (Case each : bench.cases()) {
                    List<Double> rss = new ArrayList<>();
                    bench.client(each.data(), rss, new String[0]);
                    report.metric("rss_mib", each.name() + ", " + runtime, median(rss), "MiB");
                    report.metric("rss_vs_bare_frame", each.name() + ", " + runtime, median(rss) / bare, "x");
                }
            }
            // scrolling: on the first runtime only (the distribution's when built)
            ClientBench first = benches.get(0);
            int scroll = options.intValue("scroll", 100_000);
            if (scroll <= 0) {
                return;
            }
            Path history = first.stores.withMessages(scroll + 10_000, 1);
            List<Double> before = new ArrayList<>();
            first.client(history, before, new String[0]);
            report.metric("rss_mib", "one conversation of " + (scroll + 10_000) + " messages, "
                    + first.command.runtime().label(), median(before), "MiB");
            first.scroll(history, scroll, report, median(before));
        }
    }

    /**
     * One bench per runtime compared: {@code --runtimes JAVA_HOME[,JAVA_HOME...]}, else the
     * distribution (or, not built, the newest JDK >= 25 installed) and the JVM running this.
     */
    private static List<ClientBench> create(Options options, Path dir) throws IOException {
        Path launcher = options.has("launcher") ? Path.of(options.value("launcher", "")) : defaultLauncher();
        if (launcher != null && !Files.isExecutable(launcher)) {
            launcher = null;
        }
        ClientStores stores = new ClientStores(Path.of(options.value("stores", dir.resolve("stores").toString())));
        List<ClientCommand> commands = new ArrayList<>();
        if (options.has("runtimes")) {
            for (String home : options.value("runtimes", "").split(",")) {
                commands.add(ClientCommand.prepare(dir, null, JavaRuntime.of(Path.of(home.strip()))));
            }
        } else {
            JavaRuntime newest = JavaRuntime.newestIn(Path.of("/usr/lib/jvm")).orElse(JavaRuntime.current());
            ClientCommand first = ClientCommand.prepare(dir, launcher, newest);
            commands.add(first);
            if (first.runtime().feature() != JavaRuntime.current().feature()) {
                commands.add(ClientCommand.prepare(dir, null, JavaRuntime.current()));
            }
        }
        List<ClientBench> benches = new ArrayList<>();
        for (ClientCommand command : commands) {
            Log.info("client on " + command.runtime().label() + ": " + (command.distribution() ? "the distribution at " + launcher
                    : command.runtime().home() + " with " + command.runtime().tuned() + " and a class cache made by the first run"));
            benches.add(new ClientBench(options, command, stores, dir));
        }
        return benches;
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

    /** Runs that are not counted: they make the class caches of the fallback and the bare frame, and warm the file cache. */
    private void warmUp() throws Exception {
        Path data = stores.empty(dir);
        try (ClientProcess client = ClientProcess.start(command.client(data, "-Drongdesk.startup=exit"),
                command.environment("-Drongdesk.startup=exit"), dir.resolve("warm-up.log"))) {
            awaitExit(client, INTERACTIVE, "warm-up.log");
        }
        try (ClientProcess frame = ClientProcess.start(command.bareFrame(true), Map.of(), dir.resolve("bare-warm-up.log"))) {
            awaitExit(frame, "bare: interactive", "bare-warm-up.log");
        }
    }

    /** Waits for {@code line}, then up to 30 s for the process to end (a class cache is written at exit). */
    private void awaitExit(ClientProcess process, String line, String log) throws Exception {
        if (process.await(line, START_TIMEOUT) == null) {
            throw new IllegalStateException("did not start: see " + Files.readString(dir.resolve(log)));
        }
        for (int i = 0; i < 300 && process.isAlive(); i++) {
            Thread.sleep(100);
        }
    }

    /** Starts the client {@link #runs} times on {@code data}; the times to interactive, and RSS after settling into {@code rss}. */
    private Samples client(Path data, List<Double> rss, String[] more) throws Exception {
        Samples samples = new Samples(runs);
        for (int i = 0; i < runs; i++) {
            String[] properties = concat(trace ? "-Drongdesk.startup=trace" : "-Drongdesk.startup=report", more);
            try (ClientProcess client = ClientProcess.start(command.client(data, properties), command.environment(properties),
                    dir.resolve("client.log"))) {
                ClientProcess.Line line = client.await(INTERACTIVE, START_TIMEOUT);
                if (line == null) {
                    throw new IllegalStateException("the client did not become interactive: " + Files.readString(dir.resolve("client.log")));
                }
                samples.add((long) (line.atMs() * 1e6));
                if (trace) {
                    ClientProcess.Line phases = client.await(PHASES, START_TIMEOUT);
                    Log.info(phases == null ? "no phases printed" : phases.text());
                }
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
            try (ClientProcess frame = ClientProcess.start(command.bareFrame(false), Map.of(), dir.resolve("bare.log"))) {
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
