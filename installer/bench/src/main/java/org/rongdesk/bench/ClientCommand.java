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
 * How the benchmarks start the client on one {@link JavaRuntime}: the distribution's launcher
 * ({@code bin/rongcloud}, with its packaged class cache) when it has been built on that runtime,
 * else that runtime's java with the launcher's tuned options over the benchmark's class path and
 * a class cache made by the first run. The bare frame runs on the same runtime and options with a
 * class cache of its own, so that a ratio to it measures the client's own cost. The client signs
 * in offline (a server that refuses at once), so the figures are the client's own, not a server's.
 */
final class ClientCommand {
    /**
     * JVM options of the shipped launcher ({@code RONGDESK_TUNED} replaces them there and here, to
     * measure others), for the bare frame and for when the distribution is not used.
     */
    static final List<String> TUNED = tuned(System.getenv("RONGDESK_TUNED"));

    private final Path launcher;
    private final JavaRuntime runtime;
    private final Path config;
    private final Path token;
    private final Path dir;

    private ClientCommand(Path launcher, JavaRuntime runtime, Path config, Path token, Path dir) {
        this.launcher = launcher;
        this.runtime = runtime;
        this.config = config;
        this.token = token;
        this.dir = dir;
    }

    /**
     * Writes the offline config and a token for {@link ClientStores#USER} into {@code dir} (once),
     * for the client on the distribution of {@code launcher}, if given, else on {@code runtime}.
     */
    static ClientCommand prepare(Path dir, Path launcher, JavaRuntime runtime) throws IOException {
        Path config = dir.resolve("config.xml");
        Path token = dir.resolve("token");
        if (!Files.exists(token)) {
            Files.writeString(config, """
                    <widget><feature name="rongCloud">
                      <param name="appKey" value="%s"/>
                      <param name="server" value="127.0.0.1:9"/>
                      <param name="tls" value="disabled"/>
                    </feature></widget>
                    """.formatted(ClientStores.APP_KEY));
            Files.createFile(token, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            AppSecret secret = AppSecret.loadOrCreate(dir.resolve("secret.jwk"));
            Files.writeString(token, TokenMinter.mint(secret, ClientStores.USER, ClientStores.APP_KEY,
                    Instant.now().plusSeconds(86_400)));
        }
        if (launcher != null) {
            return new ClientCommand(launcher, JavaRuntime.of(launcher.getParent().resolveSibling("runtime")), config, token, dir);
        }
        return new ClientCommand(null, runtime, config, token, dir);
    }

    /** The runtime the client and the bare frame run on. */
    JavaRuntime runtime() {
        return runtime;
    }

    /** What starts the client on {@code data} with these system properties. */
    List<String> client(Path data, String... properties) {
        List<String> command = new ArrayList<>();
        if (launcher != null) {
            command.add(launcher.toString());
        } else {
            command.add(runtime.java().toString());
            command.addAll(runtime.tuned());
            command.addAll(runtime.classCache(dir.resolve(runtime.cacheName("bench-app"))));
            command.add("-Drongdesk.home=" + System.getProperty("rongdesk.home", "."));
            command.addAll(List.of("-cp", System.getProperty("java.class.path")));
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

    /**
     * What starts the bare-frame reference on the same runtime and options, with its own class
     * cache; with {@code exit} it quits once painted (the run that makes the cache).
     */
    List<String> bareFrame(boolean exit) {
        List<String> command = new ArrayList<>();
        command.add(runtime.java().toString());
        command.addAll(runtime.tuned());
        command.addAll(runtime.classCache(dir.resolve(runtime.cacheName("bare-frame"))));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BareFrame.class.getName()));
        if (exit) {
            command.add("exit");
        }
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
}
