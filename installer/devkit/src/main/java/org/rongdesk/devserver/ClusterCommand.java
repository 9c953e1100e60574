package org.rongdesk.devserver;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Deque;
import java.util.Optional;

/** The launcher's {@code cluster} subcommand (see {@link DevKitMain} for its usage and exit codes). */
final class ClusterCommand {
    private final PrintStream out;
    private final PrintStream err;

    ClusterCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Deque<String> args) throws IOException {
        Path dir = Path.of(".rongcloud", "cluster");
        if ("--dir".equals(args.peekFirst())) {
            args.removeFirst();
            dir = Path.of(DevKitMain.valueOf("--dir", args));
        }
        String action = args.isEmpty() ? "" : args.removeFirst();
        if (action.equals("start")) {
            return start(dir, args);
        }
        Optional<Cluster> existing = Cluster.open(dir);
        if (existing.isEmpty()) {
            err.println("error: there is no cluster in " + dir + "; start one with: ./rongcloud cluster start");
            return action.equals("status") ? DevKitMain.NOT_RUNNING : DevKitMain.FAILED;
        }
        Cluster cluster = existing.get();
        switch (action) {
            case "token" -> {
                if (args.isEmpty()) {
                    throw new IllegalArgumentException("cluster token needs a user id");
                }
                String user = args.removeFirst();
                out.println(cluster.token(user, DevKitMain.ttl(args)));
            }
            case "kill" -> {
                int n = nodeNumber(args);
                cluster.kill(n);
                out.println("node " + n + " killed");
            }
            case "restart" -> {
                int n = nodeNumber(args);
                cluster.restart(n);
                out.println("node " + n + " serves again as a member of the cluster");
            }
            case "status" -> {
                DevKitMain.noMoreArgs(args);
                cluster.status().forEach(out::println);
                return cluster.isRunning() ? 0 : DevKitMain.NOT_RUNNING;
            }
            case "stop" -> {
                DevKitMain.noMoreArgs(args);
                cluster.stop();
                out.println("cluster stopped");
            }
            default -> throw new IllegalArgumentException(
                    "cluster needs start, token, kill, restart, status or stop, not '" + action + "'");
        }
        return 0;
    }

    private int start(Path dir, Deque<String> args) throws IOException {
        Optional<Cluster> existing = Cluster.open(dir);
        int nodes = existing.map(c -> c.nodes().size()).orElse(2);
        String appKey = existing.map(Cluster::appKey).orElse(DevServerSettings.DEFAULT_APP_KEY);
        while (!args.isEmpty()) {
            String option = args.removeFirst();
            String value = DevKitMain.valueOf(option, args);
            switch (option) {
                case "--nodes" -> nodes = DevKitMain.port(option, value);
                case "--app-key" -> appKey = value;
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (existing.isPresent() && existing.get().isRunning() && existing.get().nodes().size() != nodes) {
            err.println("error: the cluster runs with " + existing.get().nodes().size() + " nodes; stop it first to change that");
            return DevKitMain.FAILED;
        }
        Cluster cluster = Cluster.create(dir, appKey, nodes);
        cluster.start();
        cluster.status().forEach(out::println);
        for (int n = 1; n <= cluster.nodes().size(); n++) {
            out.println("client config for node " + n + " first: " + cluster.clientConfig(n));
        }
        out.println("get a token with: ./rongcloud cluster token USER");
        return 0;
    }

    private static int nodeNumber(Deque<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("which node? give its number, 1 for the first");
        }
        int n = DevKitMain.port("node number", args.removeFirst());
        DevKitMain.noMoreArgs(args);
        return n;
    }
}
