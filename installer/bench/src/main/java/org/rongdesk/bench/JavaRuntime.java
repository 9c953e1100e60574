package org.rongdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Java runtime the startup benchmarks start the client and the bare frame on, with the class
 * cache that runtime has: an AOT cache from Java 25 on ({@code -XX:AOTCacheOutput}, then
 * {@code -XX:AOTCache}), else an AppCDS archive ({@code -XX:ArchiveClassesAtExit}, then
 * {@code -XX:SharedArchiveFile}) — what the distribution's launcher does (runtime-choice.sh).
 *
 * @param home    the runtime's directory (its {@code release} file names the version)
 * @param feature its feature release (17, 25 ...)
 */
record JavaRuntime(Path home, int feature) {
    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    /** The runtime in {@code home}; its version from the release file (0 when unreadable). */
    static JavaRuntime of(Path home) {
        try {
            Matcher version = VERSION.matcher(Files.readString(home.resolve("release")));
            return new JavaRuntime(home, version.find() ? Integer.parseInt(version.group(1)) : 0);
        } catch (IOException e) {
            return new JavaRuntime(home, 0);
        }
    }

    /** The runtime running the benchmark. */
    static JavaRuntime current() {
        return of(Path.of(System.getProperty("java.home")));
    }

    /** The newest JDK of Java 25 or later in {@code jvmDir} (as the distribution's build picks one). */
    static Optional<JavaRuntime> newestIn(Path jvmDir) throws IOException {
        if (!Files.isDirectory(jvmDir)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(jvmDir)) {
            return dirs.filter(dir -> Files.isExecutable(dir.resolve("bin/java"))).map(JavaRuntime::of)
                    .filter(runtime -> runtime.feature() >= 25)
                    .max((a, b) -> Integer.compare(a.feature(), b.feature()));
        }
    }

    Path java() {
        return home.resolve("bin/java");
    }

    boolean aot() {
        return feature >= 25;
    }

    /** "Java 25 + AOT cache", "Java 17 + AppCDS". */
    String label() {
        return "Java " + feature + (aot() ? " + AOT cache" : " + AppCDS");
    }

    /**
     * The launcher's tuned options for this runtime ({@link ClientCommand#TUNED}, native access
     * from Java 22; no {@code -Xshare} with an AOT cache, which refuses it).
     */
    List<String> tuned() {
        List<String> options = new ArrayList<>(ClientCommand.TUNED);
        if (aot()) {
            options.removeIf(option -> option.startsWith("-Xshare:"));
        }
        if (feature >= 22) {
            options.add("--enable-native-access=ALL-UNNAMED");
        }
        return options;
    }

    /** Options that use the class cache {@code file} (made by an earlier run) or make it at exit. */
    List<String> classCache(Path file) {
        boolean made = Files.exists(file);
        if (aot()) {
            return List.of(made ? "-XX:AOTCache=" + file : "-XX:AOTCacheOutput=" + file, "-Xlog:aot=off", "-Xlog:cds=off");
        }
        return List.of(made ? "-XX:SharedArchiveFile=" + file : "-XX:ArchiveClassesAtExit=" + file, "-Xlog:cds=off");
    }

    /** The file name of a class cache called {@code name} for this runtime. */
    String cacheName(String name) {
        return name + "-" + feature + (aot() ? ".aot" : ".jsa");
    }
}
