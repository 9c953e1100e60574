package org.rongdesk.devserver;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The cluster's own PostgreSQL: a data directory of its own, on a loopback port, with database
 * and superuser {@code ejabberd} holding ejabberd's schema. Trust authentication, because it
 * listens on 127.0.0.1 only and its socket sits in its own directory (a development cluster,
 * never a production one). PostgreSQL refuses to run as root, so as root it runs as
 * {@code nobody}.
 */
final class PrivatePostgres {
    private static final Logger LOG = Logger.getLogger(PrivatePostgres.class.getName());
    private static final Path SCHEMA = Path.of("/usr/share/ejabberd/sql/pg.sql");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String UNPRIVILEGED = "nobody";

    private final Path data;
    private final Path log;
    private final int port;

    PrivatePostgres(Path data, Path log, int port) {
        this.data = data.toAbsolutePath().normalize();
        this.log = log.toAbsolutePath().normalize();
        this.port = port;
    }

    int port() {
        return port;
    }

    boolean isRunning() {
        return process().isPresent();
    }

    /** Creates the database the first time, starts the server unless it runs, and waits until ejabberd's schema is there. */
    void start() throws IOException {
        Path bin = binaries();
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            initialise(bin);
        }
        if (!isRunning()) {
            Files.createDirectories(log.getParent());
            Processes.spawn(asOwner(List.of(bin.resolve("postgres").toString(), "-D", data.toString(),
                    "-p", Integer.toString(port), "-k", data.toString(), "-c", "listen_addresses=127.0.0.1",
                    // a throwaway development database: speed over durability
                    "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")),
                    Map.of(), data, log);
            awaitReady(bin);
        }
        if (psql(bin, "postgres", "SELECT 1 FROM pg_database WHERE datname = 'ejabberd'").isEmpty()) {
            psql(bin, "postgres", "CREATE DATABASE ejabberd");
            psql(bin, "ejabberd", "-f", SCHEMA.toString());
            LOG.fine(() -> "ejabberd schema loaded into the cluster database on port " + port);
        }
    }

    /** A fast shutdown: open sessions are ended (the nodes are gone or going anyway). */
    void stop() throws IOException {
        Optional<ProcessHandle> running = process();
        if (running.isPresent()) {
            Processes.run(List.of("kill", "-INT", Long.toString(running.get().pid())), Map.of(), Duration.ofSeconds(5));
            if (!Processes.awaitExit(running.get(), Duration.ofSeconds(30))) {
                running.get().destroyForcibly();
            }
        }
    }

    /**
     * Where the data of a cluster that would keep it in {@code wanted} can live: there, unless
     * root runs it and {@code nobody} cannot reach that directory (a checkout under a private
     * home), then in a new directory under {@code /var/tmp}.
     */
    static Path dataDirFor(Path wanted) throws IOException {
        if (!isRoot()) {
            return wanted;
        }
        Path parent = Files.createDirectories(wanted.toAbsolutePath().getParent());
        try {
            Processes.run(asOwner(List.of("test", "-x", parent.toString())), Map.of(), Duration.ofSeconds(5));
            return wanted;
        } catch (IOException unreachable) {
            Path elsewhere = Files.createTempDirectory(Path.of("/var/tmp"), "rongdesk-cluster-");
            Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rwx--x--x"));
            LOG.info(() -> UNPRIVILEGED + " cannot reach " + parent + ": the cluster's database lives in " + elsewhere);
            return elsewhere.resolve("postgres");
        }
    }

    private void initialise(Path bin) throws IOException {
        Files.createDirectories(data);
        if (isRoot()) {
            Processes.run(List.of("chown", UNPRIVILEGED + ":", data.toString()), Map.of(), Duration.ofSeconds(5));
        }
        Processes.run(asOwner(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "ejabberd",
                "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C")), Map.of(), Duration.ofSeconds(120));
    }

    private void awaitReady(Path bin) throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try {
                psql(bin, "postgres", "SELECT 1");
                return;
            } catch (IOException notYet) {
                Processes.sleep(Duration.ofMillis(100));
            }
        }
        throw new IOException("PostgreSQL did not accept connections on 127.0.0.1:" + port + " within "
                + START_TIMEOUT.toSeconds() + " s; last output:\n" + Processes.tail(log));
    }

    private String psql(Path bin, String database, String sql) throws IOException {
        return psql(bin, database, "-c", sql);
    }

    /** psql as {@code ejabberd} on {@code database}, stopping at the first error; what it printed. */
    private String psql(Path bin, String database, String what, String argument) throws IOException {
        return Processes.run(List.of(bin.resolve("psql").toString(), "-X", "-tA", "-q", "-v", "ON_ERROR_STOP=1",
                "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "ejabberd", "-d", database, what, argument),
                Map.of(), Duration.ofSeconds(60));
    }

    private Optional<ProcessHandle> process() {
        return Processes.fromPidFile(data.resolve("postmaster.pid"), "postgres", "postmaster");
    }

    private static List<String> asOwner(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", UNPRIVILEGED, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The newest installed PostgreSQL's programs, Debian's layout. */
    private static Path binaries() throws IOException {
        List<Path> versions = new ArrayList<>();
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
                dirs.forEach(versions::add);
            }
        }
        return versions.stream().map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                .max(Comparator.comparingInt(PrivatePostgres::majorVersion))
                .orElseThrow(() -> new IOException("PostgreSQL is not installed; " + Cluster.INSTALL_HINT));
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
