package org.rongdesk.bench;

import java.util.Arrays;

/** Entry point: {@code store [--messages N --conversations M]} or {@code messaging [--messages N]}. */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "";
        Options options = Options.parse(Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
        switch (which) {
            case "store" -> StoreBench.run(options.intValue("messages", 1_000_000), options.intValue("conversations", 10_000));
            case "messaging" -> MessagingBench.run(options.intValue("messages", 2000));
            default -> {
                System.err.println("usage: bench store [--messages N --conversations M] | bench messaging [--messages N]");
                System.exit(2);
            }
        }
        // client libraries may leave non-daemon threads behind
        System.exit(0);
    }
}
