package org.rongdesk.bench;

import java.util.Arrays;

/**
 * Entry point: {@code store [--messages N --conversations M]}, {@code messaging [--messages N]},
 * {@code load [--clients N --seconds S --rate R] [--cluster [N]]} ({@link LoadBench}; exit code 1 when the run was not
 * clean), {@code startup} or {@code memory} ({@link ClientBench}).
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        try {
            // exits explicitly: client libraries may leave non-daemon threads behind
            System.exit(run(args) ? 0 : 1);
        } catch (Options.BadOption e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Runs the benchmark {@code args} name; false when a check failed. */
    private static boolean run(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "";
        Options options = Options.parse(Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
        boolean ok = true;
        switch (which) {
            case "store" -> StoreBench.run(options.intValue("messages", 1_000_000), options.intValue("conversations", 10_000));
            case "messaging" -> MessagingBench.run(options.intValue("messages", 2000));
            case "load" -> ok = LoadBench.run(options);
            case "startup" -> ClientBench.startup(options);
            case "memory" -> ClientBench.memory(options);
            case "ui-receive" -> UiReceiveBench.run(options);
            default -> {
                System.err.println("usage: bench store [--messages N --conversations M] | bench messaging [--messages N]"
                        + " | bench load [--clients N --seconds S --rate R] [--cluster [N]]"
                        + " | bench startup|memory [--runs N --messages N --conversations M --stores DIR --launcher FILE --runtimes JAVA_HOME,...]");
                System.exit(2);
            }
        }
        return ok;
    }
}
