package org.rongdesk.devserver;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the installed ejabberd lives: the {@code erl} runtime and the library directory holding
 * {@code ejabberd-*}. Debian's package puts ejabberd under {@code /usr/lib/<triplet>/} and its
 * dependencies under {@code /usr/lib/erlang/lib/}.
 *
 * <p>Overrides for other layouts: environment variables {@code RONGCLOUD_ERL} (the erl binary)
 * and {@code RONGCLOUD_EJABBERD_LIBS} (the directory that contains {@code ejabberd-<version>}).
 *
 * @param erl     the erl launcher
 * @param erlLibs the ERL_LIBS value that makes ejabberd's applications loadable
 */
public record EjabberdInstallation(Path erl, String erlLibs) {

    /** What to tell a user whose machine lacks the server. */
    public static final String INSTALL_HINT =
            "install it with: sudo apt-get install -y ejabberd erlang-p1-sqlite3"
            + " (./rongcloud does this itself when run as root)";

    /** Finds the installation, or explains exactly what is missing. */
    public static EjabberdInstallation locate() throws IOException {
        Path erl = Optional.ofNullable(System.getenv("RONGCLOUD_ERL")).map(Path::of)
                .or(() -> onPath("erl"))
                .orElseThrow(() -> new IOException("Erlang (erl) is not installed; " + INSTALL_HINT));
        Path libs = Optional.ofNullable(System.getenv("RONGCLOUD_EJABBERD_LIBS")).map(Path::of)
                .or(EjabberdInstallation::debianLibs)
                .orElseThrow(() -> new IOException("ejabberd is not installed; " + INSTALL_HINT));
        if (!hasApp(Path.of("/usr/lib/erlang/lib"), "p1_sqlite3-") && !hasApp(libs, "p1_sqlite3-")) {
            throw new IOException("ejabberd's SQLite driver is missing; " + INSTALL_HINT);
        }
        return new EjabberdInstallation(erl, libs.toString());
    }

    private static Optional<Path> debianLibs() {
        List<Path> roots = new ArrayList<>();
        try (DirectoryStream<Path> lib = Files.newDirectoryStream(Path.of("/usr/lib"))) {
            lib.forEach(roots::add);
        } catch (IOException e) {
            return Optional.empty();
        }
        roots.add(Path.of("/usr/lib/erlang/lib"));
        return roots.stream().filter(dir -> hasApp(dir, "ejabberd-")).findFirst();
    }

    private static boolean hasApp(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, prefix + "*")) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry.resolve("ebin"))) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
