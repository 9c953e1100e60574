package org.rongdesk.devserver;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;

/**
 * The launcher's {@code server} and {@code token} subcommands:
 * <pre>
 *   [--home DIR] server start [--app-key KEY] [--c2s-port N] [--http-port N]
 *   [--home DIR] server stop | status
 *   [--home DIR] token USER [--ttl SECONDS]
 *   cluster [--dir DIR] start [--nodes N] [--app-key KEY] | token USER [--ttl SECONDS]
 *           | kill N | restart N | status | stop
 * </pre>
 * DIR (default {@code .rongcloud/dev}) holds the server in {@code server/} and the client config
 * in {@code config.xml}; the cluster's DIR (default {@code .rongcloud/cluster}) is described in
 * {@link Cluster}. {@code token} prints only the token on stdout. Exit codes: 0 done,
 * 1 failed, 2 bad usage, 3 (status) not running.
 */
public final class DevKitMain {
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int NOT_RUNNING = 3;
    private static final Duration DEFAULT_TTL = Duration.ofDays(30);

    private final PrintStream out;
    private final PrintStream err;

    DevKitMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new DevKitMain(System.out, System.err).run(args));
    }

    int run(String[] args) {
        Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
        Path home = Path.of(".rongcloud", "dev");
        if ("--home".equals(rest.peekFirst())) {
            rest.removeFirst();
            if (rest.isEmpty()) {
                return usage("--home needs a directory");
            }
            home = Path.of(rest.removeFirst());
        }
        try {
            String command = rest.isEmpty() ? "" : rest.removeFirst();
            switch (command) {
                case "server":
                    return server(home, rest);
                case "token":
                    return token(home, rest);
                case "cluster":
                    return new ClusterCommand(out, err).run(rest);
                default:
                    return usage("expected 'server', 'token' or 'cluster', not '" + command + "'");
            }
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        }
    }

    private int server(Path home, Deque<String> args) throws IOException {
        String action = args.isEmpty() ? "" : args.removeFirst();
        Path dir = home.resolve("server");
        Optional<DevServer> existing = DevServer.open(dir);
        switch (action) {
            case "start":
                return start(home, existing, args);
            case "stop":
                noMoreArgs(args);
                if (existing.isPresent() && existing.get().isRunning()) {
                    existing.get().stop();
                    out.println("dev server stopped");
                } else {
                    out.println("dev server is not running");
                }
                return 0;
            case "status":
                noMoreArgs(args);
                if (existing.isEmpty() || !existing.get().isRunning()) {
                    out.println("dev server is not running (start it with: ./rongcloud server start)");
                    return NOT_RUNNING;
                }
                DevServer server = existing.get();
                out.println("dev server is " + (server.admin().isServing() ? "running" : "running but not answering")
                        + " (pid " + server.pid().orElse(-1L) + "): " + describe(server.settings()));
                out.println("data: " + server.dir());
                return 0;
            default:
                throw new IllegalArgumentException("server needs start, stop or status, not '" + action + "'");
        }
    }

    private int start(Path home, Optional<DevServer> existing, Deque<String> args) throws IOException {
        DevServerSettings settings = existing.map(DevServer::settings).orElse(DevServerSettings.defaults());
        while (!args.isEmpty()) {
            String option = args.removeFirst();
            String value = valueOf(option, args);
            switch (option) {
                case "--app-key" -> settings = settings.withAppKey(value);
                case "--c2s-port" -> settings = settings.withC2sPort(port(option, value));
                case "--http-port" -> settings = settings.withHttpPort(port(option, value));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (existing.isPresent() && existing.get().isRunning()) {
            if (!existing.get().settings().equals(settings)) {
                err.println("error: the dev server runs already with " + describe(existing.get().settings())
                        + "; stop it first to change that");
                return FAILED;
            }
            out.println("dev server is already running: " + describe(settings));
        } else {
            DevServer.create(home.resolve("server"), settings).start();
            out.println("dev server is running: " + describe(settings));
        }
        Path config = DevServer.open(home.resolve("server")).orElseThrow().writeClientConfig(home.resolve("config.xml"));
        out.println("client config written to " + config);
        out.println("get a token with: ./rongcloud token USER");
        return 0;
    }

    private int token(Path home, Deque<String> args) throws IOException {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("token needs a user id");
        }
        String user = args.removeFirst();
        Duration ttl = ttl(args);
        Optional<DevServer> server = DevServer.open(home.resolve("server"));
        if (server.isEmpty() || !server.get().isRunning()) {
            err.println("error: the dev server is not running; start it with: ./rongcloud server start");
            return FAILED;
        }
        out.println(server.get().token(user, ttl));
        return 0;
    }

    /** The {@code --ttl SECONDS} that may follow a token's user id. */
    static Duration ttl(Deque<String> args) {
        Duration ttl = DEFAULT_TTL;
        while (!args.isEmpty()) {
            String option = args.removeFirst();
            if (!option.equals("--ttl")) {
                throw new IllegalArgumentException("unknown option " + option);
            }
            ttl = Duration.ofSeconds(positive(option, valueOf(option, args)));
        }
        return ttl;
    }

    private static String describe(DevServerSettings s) {
        return "App Key " + s.appKey() + ", XMPP 127.0.0.1:" + s.c2sPort() + ", HTTP 127.0.0.1:" + s.httpPort();
    }

    static String valueOf(String option, Deque<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.removeFirst();
    }

    static int port(String option, String value) {
        return (int) Math.min(positive(option, value), Integer.MAX_VALUE);
    }

    static long positive(String option, String value) {
        try {
            long number = Long.parseLong(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a positive whole number, not '" + value + "'", e);
        }
        throw new IllegalArgumentException(option + " needs a positive whole number, not '" + value + "'");
    }

    static void noMoreArgs(Deque<String> args) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("unexpected argument " + args.peekFirst());
        }
    }

    private int usage(String problem) {
        err.println("error: " + problem);
        err.println("usage: rongcloud server start [--app-key KEY] [--c2s-port N] [--http-port N]");
        err.println("       rongcloud server stop | status");
        err.println("       rongcloud token USER [--ttl SECONDS]");
        err.println("       rongcloud cluster start [--nodes N] [--app-key KEY] | token USER [--ttl SECONDS]");
        err.println("                         | kill N | restart N | status | stop");
        return USAGE;
    }
}
