package org.rongdesk.devserver;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import org.jxmpp.util.XmppStringUtils;
import org.rongdesk.token.TokenMinter;

/**
 * One private ejabberd that serves one App Key on loopback, with everything it owns in one
 * directory: its configuration, App Secret, SQLite database, uploads, logs and pid file.
 *
 * <p>It runs {@code erl} directly instead of through {@code ejabberdctl}: that script insists on
 * re-running itself as the {@code ejabberd} user (so every file would have to belong to that
 * user, and other users could not run a server at all), and it needs an Erlang node name and
 * cookie that this server does not use. Stopping sends SIGTERM, which Erlang turns into a clean
 * shutdown.
 *
 * <p>Methods block: {@link #start()} until the server serves (about 1–3 s), {@link #stop()} until
 * it has exited.
 */
public final class DevServer {
    private static final Logger LOG = Logger.getLogger(DevServer.class.getName());
    private static final String SETTINGS = "server.properties";
    /** The SQLite file ejabberd.yml.template names ({@code sql_database}). */
    private static final String DATABASE = "ejabberd.sqlite";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Path dir;
    private final DevServerSettings settings;

    private DevServer(Path dir, DevServerSettings settings) {
        this.dir = dir.toAbsolutePath().normalize();
        this.settings = settings;
    }

    /** A server in {@code dir} with these settings (saved there, replacing earlier ones). */
    public static DevServer create(Path dir, DevServerSettings settings) throws IOException {
        Files.createDirectories(dir);
        settings.save(dir.resolve(SETTINGS));
        return new DevServer(dir, settings);
    }

    /** The server that was created in {@code dir} before, if any. */
    public static Optional<DevServer> open(Path dir) throws IOException {
        Path file = dir.resolve(SETTINGS);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(new DevServer(dir, DevServerSettings.load(file)));
    }

    public Path dir() {
        return dir;
    }

    public DevServerSettings settings() {
        return settings;
    }

    /** The admin API of this server. */
    public ServerAdmin admin() {
        return new ServerAdmin(settings);
    }

    /** The App Secret tokens for this server are signed with (created on first use). */
    public AppSecret appSecret() throws IOException {
        return AppSecret.loadOrCreate(dir.resolve("app-secret.jwk"));
    }

    /** Starts the server unless it runs already, and waits until it serves. */
    public synchronized void start() throws IOException {
        if (isRunning()) {
            return;
        }
        EjabberdInstallation installation = EjabberdInstallation.locate();
        checkPortFree(settings.c2sPort(), "--c2s-port");
        checkPortFree(settings.httpPort(), "--http-port");
        for (String sub : List.of("logs", "spool", "upload")) {
            Files.createDirectories(dir.resolve(sub));
        }
        appSecret();
        prepareDatabase(installation);
        Path config = dir.resolve("ejabberd.yml");
        Files.writeString(config, renderConfig(), StandardCharsets.UTF_8);

        Path console = dir.resolve("logs/console.log");
        ProcessBuilder builder = new ProcessBuilder(launchCommand(installation))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        env.put("EJABBERD_CONFIG_PATH", config.toString());
        env.put("EJABBERD_LOG_PATH", dir.resolve("logs/ejabberd.log").toString());
        env.put("ERL_CRASH_DUMP", dir.resolve("logs/erl_crash.dump").toString());
        env.put("ERL_LIBS", installation.erlLibs());
        env.put("ERL_EPMD_ADDRESS", "127.0.0.1");
        if (settings.cluster() != null) {
            env.put("ERL_EPMD_PORT", Integer.toString(settings.cluster().epmdPort()));
            env.put("HOME", settings.cluster().erlangHome().toString());
        }
        Process process = builder.start();
        Files.writeString(pidFile(), Long.toString(process.pid()));
        awaitServing(process, console);
        LOG.fine(() -> "dev server for " + settings.appKey() + " serves on 127.0.0.1:" + settings.c2sPort()
                + " (pid " + process.pid() + ")");
    }

    /** True when this directory's server process is alive. */
    public boolean isRunning() {
        return process().isPresent();
    }

    /** The running server's process id. */
    public Optional<Long> pid() {
        return process().map(ProcessHandle::pid);
    }

    /** Stops the server cleanly (SIGTERM), forcing it after a grace period; no-op when stopped. */
    public synchronized void stop() throws IOException {
        Optional<ProcessHandle> running = process();
        if (running.isPresent()) {
            ProcessHandle handle = running.get();
            if (Processes.terminate(handle, STOP_TIMEOUT)) {
                LOG.warning(() -> "dev server pid " + handle.pid() + " ignored SIGTERM; it was killed");
            }
        }
        Files.deleteIfExists(pidFile());
    }

    /** Kills the server at once (SIGKILL), as a crash would: for fault-injection tests. */
    public synchronized void kill() throws IOException {
        Optional<ProcessHandle> running = process();
        if (running.isPresent()) {
            running.get().destroyForcibly();
            Processes.awaitExit(running.get(), STOP_TIMEOUT);
        }
        Files.deleteIfExists(pidFile());
    }

    /**
     * Freezes the server (SIGSTOP) without closing a socket, as a stalled network or an overloaded
     * host would look to its clients: for fault-injection tests; {@link #resume} undoes it.
     */
    public synchronized void pause() throws IOException {
        signal("STOP");
    }

    /** Lets a {@link #pause paused} server go on (SIGCONT). */
    public synchronized void resume() throws IOException {
        signal("CONT");
    }

    private void signal(String name) throws IOException {
        ProcessHandle running = process().orElseThrow(() -> new IOException("the dev server in " + dir + " is not running"));
        // the JDK sends only TERM and KILL; every Erlang VM process of the server gets the signal
        List<String> command = new ArrayList<>(List.of("kill", "-" + name, Long.toString(running.pid())));
        running.descendants().forEach(child -> command.add(Long.toString(child.pid())));
        try {
            int exit = new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
            if (exit != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + exit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling the dev server", e);
        }
    }

    /**
     * What the token tool does: makes sure {@code userId} exists on this server (so that messages
     * wait for them while they are offline) and returns a token for them valid for {@code ttl}.
     * The server must be running.
     */
    public String token(String userId, Duration ttl) throws IOException {
        if (userId == null || userId.isEmpty()) {
            throw new IllegalArgumentException("user id must not be empty");
        }
        admin().register(XmppStringUtils.escapeLocalpart(userId));
        return TokenMinter.mint(appSecret(), userId, settings.appKey(), Instant.now().plus(ttl));
    }

    /**
     * Writes a client {@code config.xml} that points Rong Desk at this server (plain XMPP: the
     * server listens on loopback only).
     */
    public Path writeClientConfig(Path file) throws IOException {
        return writeClientConfig(file, List.of());
    }

    /**
     * The same, listing {@code others} after this server (a cluster's other nodes): the client
     * tries them in that order when this one cannot be reached.
     */
    public Path writeClientConfig(Path file, List<DevServer> others) throws IOException {
        StringBuilder servers = new StringBuilder("127.0.0.1:").append(settings.c2sPort());
        others.forEach(other -> servers.append(",127.0.0.1:").append(other.settings.c2sPort()));
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + (settings.cluster() == null ? "<!-- written by ./rongcloud server start: the local dev server -->\n"
                        : "<!-- written by ./rongcloud cluster start: node " + settings.cluster().nodeName()
                        + " first, then the cluster's other nodes -->\n")
                + "<widget>\n"
                + "  <feature name=\"rongCloud\">\n"
                + "    <param name=\"appKey\" value=\"" + settings.appKey() + "\"/>\n"
                + "    <param name=\"server\" value=\"" + servers + "\"/>\n"
                + "    <param name=\"tls\" value=\"disabled\"/>\n"
                + "    <param name=\"uploadService\" value=\"" + settings.uploadService() + "\"/>\n"
                + "  </feature>\n"
                + "</widget>\n";
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }

    String renderConfig() throws IOException {
        String dataDir = dir.toString();
        if (dataDir.contains("\"") || dataDir.contains("\\")) {
            throw new IOException("the dev server directory must not contain quotes or backslashes: " + dataDir);
        }
        String template;
        try (InputStream in = DevServer.class.getResourceAsStream("ejabberd.yml.template")) {
            if (in == null) {
                throw new IOException("ejabberd.yml.template is missing from the dev kit");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path certificate = settings.tlsCertificate();
        ClusterNode node = settings.cluster();
        String sql = node == null ? "sql_type: sqlite\nsql_database: \"" + dataDir + "/" + DATABASE + "\""
                : "sql_type: pgsql\nsql_server: \"127.0.0.1\"\nsql_port: " + node.databasePort()
                        + "\nsql_database: \"ejabberd\"\nsql_username: \"ejabberd\"\nsql_password: \"\"\nsql_pool_size: 4";
        String uploads = node == null ? dataDir + "/upload" : node.uploadDir().toString();
        if (uploads.contains("\"") || uploads.contains("\\")) {
            throw new IOException("the upload directory must not contain quotes or backslashes: " + uploads);
        }
        return template.replace("@SQL@", sql).replace("@UPLOAD_DIR@", uploads).replace("@CERTFILES@", certificate == null ? "[]" : "[\"" + certificate + "\"]")
                .replace("@C2S_TLS@", certificate == null ? "" : "\n    starttls: true")
                .replace("@APP_KEY@", settings.appKey())
                .replace("@C2S_PORT@", Integer.toString(settings.c2sPort()))
                .replace("@HTTP_PORT@", Integer.toString(settings.httpPort()))
                .replace("@DATA_DIR@", dataDir);
    }

    /**
     * Creates the SQLite database in WAL mode before ejabberd first opens it. ejabberd 23.01
     * creates its tables in an empty database and sets no journal mode, so SQLite's default
     * rollback journal takes several fsyncs per archived message, and every room passes its
     * messages on only after archiving them: {@code bench load} measured 50-member rooms falling
     * 10 s and more behind at 50 messages/s (sends answered 3001). The mode stays in the file.
     */
    private void prepareDatabase(EjabberdInstallation installation) throws IOException {
        Path database = dir.resolve(DATABASE);
        if (settings.cluster() != null || Files.exists(database)) {
            return;
        }
        String eval = "application:start(sqlite3), {ok, _} = sqlite3:open(rongdesk_db, [{file, \"" + database + "\"}]),"
                + " [{columns, _}, {rows, [{<<\"wal\">>}]}] = sqlite3:sql_exec(rongdesk_db, \"PRAGMA journal_mode=WAL\"),"
                + " sqlite3:close(rongdesk_db), halt(0).";
        ProcessBuilder builder = new ProcessBuilder(installation.erl().toString(), "-noshell", "-eval", eval)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("ERL_LIBS", installation.erlLibs());
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.exists(database)) {
                Files.deleteIfExists(database);
                throw new IOException("could not create the server's SQLite database " + database + ": " + output.strip());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating " + database, e);
        }
    }

    private List<String> launchCommand(EjabberdInstallation installation) {
        // multi_time_warp: the server's stamps (offline delay, archive) follow a step of this
        // machine's clock at once instead of drifting back towards it over minutes
        List<String> erl = new ArrayList<>(List.of(installation.erl().toString(), "-noinput",
                "+K", "true", "+P", "250000", "+C", "multi_time_warp",
                "-mnesia", "dir", "\"" + dir.resolve("spool") + "\"",
                "-s", "ejabberd"));
        ClusterNode node = settings.cluster();
        if (node != null) {
            // the cookie comes from HOME/.erlang.cookie, so it is never on a command line
            String port = Integer.toString(node.distPort());
            erl.addAll(List.of("-name", node.nodeName(), "-kernel", "inet_dist_use_interface", "{127,0,0,1}",
                    "inet_dist_listen_min", port, "inet_dist_listen_max", port));
        }
        // setsid: the server outlives the launcher and ignores Ctrl-C typed at the terminal later
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            return Processes.concat("/usr/bin/setsid", erl);
        }
        return erl;
    }

    private void awaitServing(Process process, Path console) throws IOException {
        ServerAdmin admin = admin();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                Files.deleteIfExists(pidFile());
                throw new IOException("ejabberd exited during start (code " + process.exitValue() + "); last output:\n"
                        + Processes.tail(console) + "\nlogs: " + dir.resolve("logs"));
            }
            if (admin.isServing() && Processes.accepts(settings.c2sPort())) {
                return;
            }
            Processes.sleep(Duration.ofMillis(100));
        }
        process.destroyForcibly();
        throw new IOException("ejabberd did not serve within " + START_TIMEOUT.toSeconds() + " s; logs: " + dir.resolve("logs"));
    }

    private Optional<ProcessHandle> process() {
        return Processes.fromPidFile(pidFile(), "beam", "erl");
    }

    private Path pidFile() {
        return dir.resolve("ejabberd.pid");
    }

    private static void checkPortFree(int port, String option) throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IOException("port " + port + " on 127.0.0.1 is in use by another program; choose another with "
                    + option + " N", e);
        }
    }
}
