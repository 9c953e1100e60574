package org.rongdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.rongdesk.devserver.AppSecret;
import org.rongdesk.token.TokenMinter;

/**
 * How the benchmarks start the client: the distribution's launcher ({@code bin/rongcloud}) when
 * it has been built, else the JVM running the benchmark with the launcher's tuned options over
 * the same class path. The client signs in offline (a server that refuses at once), so the
 * figures are the client's own, not a server's.
 */
final class ClientCommand {
    /**
     * JVM options of the shipped launcher ({@code RONGDESK_TUNED} replaces them there and here, to
     * measure others), for the bare frame and for when the distribution is not built.
     */
    static final List<String> TUNED = tuned(System.getenv("RONGDESK_TUNED"));

    private final Path launcher;
    private final Path config;
    private final Path token;
    private final Path cdsArchive;

    private ClientCommand(Path launcher, Path config, Path token, Path cdsArchive) {
        this.launcher = launcher;
        this.config = config;
        this.token = token;
        this.cdsArchive = cdsArchive;
    }

    /** Writes the offline config and a token for {@link ClientStores#USER} into {@code dir}. */
    static ClientCommand prepare(Path dir, Path launcher) throws IOException {
        Path config = dir.resolve("config.xml");
        Files.writeString(config, """
                <widget><feature name="rongCloud">
                  <param name="appKey" value="%s"/>
                  <param name="server" value="127.0.0.1:9"/>
                  <param name="tls" value="disabled"/>
                </feature></widget>
                """.formatted(ClientStores.APP_KEY));
        Path token = dir.resolve("token");
        Files.createFile(token, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        AppSecret secret = AppSecret.loadOrCreate(dir.resolve("secret.jwk"));
        Files.writeString(token, TokenMinter.mint(secret, ClientStores.USER, ClientStores.APP_KEY,
                Instant.now().plusSeconds(86_400)));
        return new ClientCommand(launcher != null && Files.isExecutable(launcher) ? launcher : null, config, token,
                dir.resolve("bench-app.jsa"));
    }

    /** What starts the client on {@code data} with these system properties. */
    List<String> client(Path data, String... properties) {
        List<String> command = new ArrayList<>();
        if (launcher != null) {
            command.add(launcher.toString());
        } else {
            command.addAll(jvm());
            command.addAll(List.of(properties));
            command.add("org.rongdesk.ui.main.UiMain");
        }
        command.addAll(List.of("--config", config.toString(), "--data", data.toString(), "--token-file", token.toString()));
        return command;
    }

    /** The environment the launcher reads extra JVM options from ({@code RONGCLOUD_JAVA_OPTS}). */
    Map<String, String> environment(String... properties) {
        return launcher != null ? Map.of("RONGCLOUD_JAVA_OPTS", String.join(" ", properties)) : Map.of();
    }

    /** What starts the bare-frame reference with the same JVM and options. */
    List<String> bareFrame() {
        List<String> command = new ArrayList<>(launcher != null ? List.of(runtimeJava().toString()) : jvm());
        if (launcher != null) {
            command.addAll(TUNED);
            command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        }
        command.add(BareFrame.class.getName());
        return command;
    }

    static List<String> tuned(String replaced) {
        String options = replaced == null || replaced.isBlank()
                ? "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xms16m -Xmx128m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20"
                : replaced.strip();
        List<String> all = new ArrayList<>(List.of(options.split("\\s+")));
        all.add("-Xshare:auto");
        return List.copyOf(all);
    }

    /** Whether the client runs from the built distribution. */
    boolean distribution() {
        return launcher != null;
    }

    /** The fallback's CDS archive, made by the first (warm-up) run. */
    Path cdsArchive() {
        return cdsArchive;
    }

    private List<String> jvm() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(TUNED);
        command.add(Files.exists(cdsArchive) ? "-XX:SharedArchiveFile=" + cdsArchive : "-XX:ArchiveClassesAtExit=" + cdsArchive);
        command.add("-Drongdesk.home=" + System.getProperty("rongdesk.home", "."));
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        return command;
    }

    /** The java of the distribution's runtime (next to its launcher). */
    private Path runtimeJava() {
        Path java = launcher.getParent().resolveSibling("runtime").resolve("bin/java");
        return Files.isExecutable(java) ? java : Path.of(ProcessHandle.current().info().command().orElse("java"));
    }
}
