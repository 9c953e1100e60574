package org.rongdesk.devserver;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A development ejabberd cluster on this machine: N nodes on loopback that share one PostgreSQL,
 * one upload directory, one App Secret and one Erlang cookie, found through a private epmd.
 *
 * <p>Layout of its directory: {@code cluster.properties} (App Key, node count, epmd and database
 * ports, where the database is), {@code app-secret.jwk}, {@code .erlang.cookie}, {@code postgres/}
 * (elsewhere when PostgreSQL, run as {@code nobody} by root, could not reach it), {@code upload/},
 * {@code logs/}, and per node {@code nodeN/} (a {@link DevServer} directory) with
 * {@code nodeN/config.xml}, a client config that names node N first and the others after it.
 *
 * <p>A cold start (no node running) gives each node a fresh Mnesia directory and joins the nodes
 * to node 1 again: everything that lasts is in PostgreSQL, and Mnesia holds only sessions, routes
 * and live rooms, so nothing is lost and no node waits for another's tables. A single node
 * restarted while others run keeps its directory and rejoins by itself (measured).
 */
public final class Cluster {
    /** What to tell a user whose machine lacks a part. */
    public static final String INSTALL_HINT = "install it with: sudo apt-get install -y ejabberd erlang-p1-pgsql postgresql"
            + " (./rongcloud does this itself when run as root)";
    private static final Logger LOG = Logger.getLogger(Cluster.class.getName());
    private static final String SETTINGS = "cluster.properties";
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;
    private final String appKey;
    private final int epmdPort;
    private final int databasePort;
    private final Path databaseDir;
    private final List<DevServer> nodes;

    private Cluster(Path dir, String appKey, int epmdPort, int databasePort, Path databaseDir, List<DevServer> nodes) {
        this.dir = dir;
        this.appKey = appKey;
        this.epmdPort = epmdPort;
        this.databasePort = databasePort;
        this.databaseDir = databaseDir;
        this.nodes = List.copyOf(nodes);
    }

    /**
     * The cluster in {@code dir}, with {@code nodeCount} nodes: made on free loopback ports the
     * first time, grown by new nodes when asked for more; the saved one otherwise.
     */
    public static Cluster create(Path dir, String appKey, int nodeCount) throws IOException {
        if (nodeCount < 1 || nodeCount > 9) {
            throw new IllegalArgumentException("a development cluster has 1 to 9 nodes, not " + nodeCount);
        }
        Path home = Files.createDirectories(dir).toAbsolutePath().normalize();
        Optional<Cluster> existing = open(home);
        if (existing.isPresent() && !existing.get().appKey.equals(appKey)) {
            throw new IllegalArgumentException("the cluster in " + home + " serves App Key " + existing.get().appKey
                    + "; remove the directory to start one for " + appKey);
        }
        int epmd = existing.map(c -> c.epmdPort).orElseGet(DevServerSettings::freeLoopbackPort);
        int database = existing.map(c -> c.databasePort).orElseGet(DevServerSettings::freeLoopbackPort);
        Path databaseDir = existing.isPresent() ? existing.get().databaseDir : PrivatePostgres.dataDirFor(home.resolve("postgres"));
        List<DevServer> nodes = new ArrayList<>();
        for (int n = 1; n <= nodeCount; n++) {
            Path nodeDir = home.resolve("node" + n);
            Optional<DevServer> saved = DevServer.open(nodeDir);
            if (saved.isPresent()) {
                nodes.add(saved.get());
            } else {
                ClusterNode member = new ClusterNode("ejabberd" + n + "@127.0.0.1", DevServerSettings.freeLoopbackPort(),
                        epmd, database, home.resolve("upload"), home);
                nodes.add(DevServer.create(nodeDir, DevServerSettings.withFreePorts(appKey).withCluster(member)));
            }
        }
        Cluster cluster = new Cluster(home, appKey, epmd, database, databaseDir, nodes);
        cluster.save();
        return cluster;
    }

    /** The cluster made in {@code dir} before, if any. */
    public static Optional<Cluster> open(Path dir) throws IOException {
        Path home = dir.toAbsolutePath().normalize();
        Path file = home.resolve(SETTINGS);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        try {
            int count = Integer.parseInt(p.getProperty("nodes", ""));
            List<DevServer> nodes = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                nodes.add(DevServer.open(home.resolve("node" + n))
                        .orElseThrow(() -> new IOException("a node of the cluster in " + home + " has no settings")));
            }
            return Optional.of(new Cluster(home, p.getProperty("appKey"), Integer.parseInt(p.getProperty("epmdPort", "")),
                    Integer.parseInt(p.getProperty("databasePort", "")),
                    Path.of(p.getProperty("databaseDir", home.resolve("postgres").toString())), nodes));
        } catch (NumberFormatException e) {
            throw new IOException("cluster settings " + file + " are damaged: " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    public String appKey() {
        return appKey;
    }

    /** The nodes, node 1 first. */
    public List<DevServer> nodes() {
        return nodes;
    }

    /** Node {@code n}, counted from 1. */
    public DevServer node(int n) {
        if (n < 1 || n > nodes.size()) {
            throw new IllegalArgumentException("the cluster has nodes 1 to " + nodes.size() + ", not " + n);
        }
        return nodes.get(n - 1);
    }

    /** The client config of node {@code n}: it first, the other nodes after it. */
    public Path clientConfig(int n) {
        return node(n).dir().resolve("config.xml");
    }

    /** Starts the database, epmd and every node that is not running, joins them as one cluster, and writes the client configs. */
    public void start() throws IOException {
        EjabberdInstallation installation = EjabberdInstallation.locate();
        requirePgsqlDriver();
        Instant began = Instant.now();
        database().start();
        epmd().start();
        writeSharedSecrets();
        boolean cold = nodes.stream().noneMatch(DevServer::isRunning);
        for (int n = 1; n <= nodes.size(); n++) {
            DevServer node = node(n);
            if (node.isRunning()) {
                continue;
            }
            if (cold) {
                deleteTree(node.dir().resolve("spool"));
            }
            startNode(installation, n);
        }
        for (int n = 1; n <= nodes.size(); n++) {
            List<DevServer> others = new ArrayList<>(nodes);
            others.remove(node(n));
            node(n).writeClientConfig(clientConfig(n), others);
        }
        LOG.fine(() -> nodes.size() + " nodes serve as one cluster after " + Duration.between(began, Instant.now()).toMillis() + " ms");
    }

    /** Kills node {@code n} at once (SIGKILL), as a crash would, and waits until its XMPP port is closed. */
    public void kill(int n) throws IOException {
        DevServer node = node(n);
        node.kill();
        Processes.awaitClosed(node.settings().c2sPort(), Duration.ofSeconds(30));
    }

    /** Stops node {@code n} if it runs and starts it again as a member of the cluster. */
    public void restart(int n) throws IOException {
        EjabberdInstallation installation = EjabberdInstallation.locate();
        node(n).stop();
        database().start();
        epmd().start();
        writeSharedSecrets();
        startNode(installation, n);
    }

    /** Stops every node, then epmd and the database. */
    public void stop() throws IOException {
        for (int n = nodes.size(); n >= 1; n--) {
            node(n).stop();
        }
        epmd().stop();
        database().stop();
    }

    /**
     * Stops everything and deletes the database when it lives outside the cluster's directory
     * (the {@code /var/tmp} place root's {@code nobody} could reach), which deleting that
     * directory would leave behind: for tests and benchmarks that throw their cluster away.
     */
    public void destroy() throws IOException {
        stop();
        if (!databaseDir.startsWith(dir)) {
            deleteTree(databaseDir.getParent());
        }
    }

    /** One line per part: the database, and each node with whether it serves and which nodes it runs with. */
    public List<String> status() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("database: PostgreSQL on 127.0.0.1:" + databasePort + (database().isRunning() ? " running" : " not running"));
        Optional<EjabberdInstallation> installation = Optional.empty();
        for (int n = 1; n <= nodes.size(); n++) {
            DevServer node = node(n);
            StringBuilder line = new StringBuilder("node ").append(n).append(" (").append(node.settings().cluster().nodeName())
                    .append(", XMPP 127.0.0.1:").append(node.settings().c2sPort()).append("): ");
            if (!node.isRunning()) {
                line.append("not running");
            } else {
                line.append(node.admin().isServing() ? "serving" : "running but not answering");
                if (installation.isEmpty()) {
                    installation = Optional.of(EjabberdInstallation.locate());
                }
                line.append("; cluster ").append(rpc(installation.get()).runningNodes(node.settings().cluster().nodeName()));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** True when any node runs. */
    public boolean isRunning() {
        return nodes.stream().anyMatch(DevServer::isRunning);
    }

    /** What {@code ./rongcloud cluster token} does: the user exists in the shared database, and a token for them. */
    public String token(String userId, Duration ttl) throws IOException {
        DevServer serving = nodes.stream().filter(DevServer::isRunning).findFirst()
                .orElseThrow(() -> new IOException("no node of the cluster runs; start it with: ./rongcloud cluster start"));
        return serving.token(userId, ttl);
    }

    private void startNode(EjabberdInstallation installation, int n) throws IOException {
        DevServer node = node(n);
        node.start();
        Optional<DevServer> member = nodes.stream().filter(other -> other != node && other.isRunning()).findFirst();
        if (member.isEmpty()) {
            return;
        }
        String self = node.settings().cluster().nodeName();
        String seed = member.get().settings().cluster().nodeName();
        ErlangRpc rpc = rpc(installation);
        if (!rpc.runningNodes(seed).contains("'" + self + "'")) {
            rpc.join(self, seed);
        }
        Instant deadline = Instant.now().plus(JOIN_TIMEOUT);
        while (!rpc.runningNodes(seed).contains("'" + self + "'") || !node.admin().isServing()
                || !Processes.accepts(node.settings().c2sPort())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IOException(self + " did not serve as a member of the cluster within " + JOIN_TIMEOUT.toSeconds()
                        + " s; logs: " + node.dir().resolve("logs"));
            }
            Processes.sleep(Duration.ofMillis(200));
        }
    }

    private ErlangRpc rpc(EjabberdInstallation installation) {
        return new ErlangRpc(installation, node(1).settings().cluster());
    }

    private PrivatePostgres database() {
        return new PrivatePostgres(databaseDir, dir.resolve("logs/postgres.log"), databasePort);
    }

    private Epmd epmd() throws IOException {
        Files.createDirectories(dir.resolve("logs"));
        return new Epmd(dir.resolve("epmd.pid"), dir.resolve("logs/epmd.log"), epmdPort);
    }

    /** One App Secret and one cookie for every node, made the first time (readable by their owner only). */
    private void writeSharedSecrets() throws IOException {
        Path secret = dir.resolve("app-secret.jwk");
        AppSecret.loadOrCreate(secret);
        for (DevServer node : nodes) {
            Files.copy(secret, node.dir().resolve("app-secret.jwk"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path cookie = dir.resolve(".erlang.cookie");
        if (!Files.exists(cookie)) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            // Erlang takes letters and digits; it refuses a cookie file others can read
            String value = Base64.getEncoder().withoutPadding().encodeToString(random).replaceAll("[^A-Za-z0-9]", "x");
            Files.writeString(cookie, value);
            Files.setPosixFilePermissions(cookie, PosixFilePermissions.fromString("r--------"));
        }
        Files.createDirectories(dir.resolve("upload"));
    }

    private void save() throws IOException {
        Properties p = new Properties();
        p.setProperty("appKey", appKey);
        p.setProperty("nodes", Integer.toString(nodes.size()));
        p.setProperty("epmdPort", Integer.toString(epmdPort));
        p.setProperty("databasePort", Integer.toString(databasePort));
        p.setProperty("databaseDir", databaseDir.toString());
        try (Writer out = Files.newBufferedWriter(dir.resolve(SETTINGS), StandardCharsets.UTF_8)) {
            p.store(out, "Rong Desk development cluster");
        }
    }

    private static void requirePgsqlDriver() throws IOException {
        try (Stream<Path> apps = Files.list(Path.of("/usr/lib/erlang/lib"))) {
            if (apps.noneMatch(app -> app.getFileName().toString().startsWith("p1_pgsql-"))) {
                throw new IOException("ejabberd's PostgreSQL driver is missing; " + INSTALL_HINT);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
