package org.rongdesk.base;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Directories and files only their owner can read (mode 700 / 600), whatever the umask: the data
 * directory, the store and the media files hold a user's messages. Directories are made with
 * the mode (no moment with a looser one); files the client did not create itself (H2's) are
 * tightened after the fact, inside a directory that is already private. Where the file system
 * has no POSIX permissions (Windows) the user's profile directory is what keeps others out.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /**
     * Makes {@code dir} (and its missing parents, up to {@code root}, which must contain it) a
     * directory only its owner can enter. Directories under {@code root} that exist are made
     * private too; {@code root}'s own parents are left as they are (they are the user's).
     */
    public static Path directories(Path root, Path dir) throws IOException {
        Path top = root.toAbsolutePath().normalize();
        Path target = dir.toAbsolutePath().normalize();
        if (!target.startsWith(top)) {
            throw new IllegalArgumentException(dir + " is not inside " + root);
        }
        Path parent = top.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Deque<Path> chain = new ArrayDeque<>();
        for (Path part = target; part != null && part.startsWith(top); part = part.getParent()) {
            chain.push(part);
        }
        for (Path part : chain) {
            directory(part);
        }
        return dir;
    }

    /** Makes {@code dir} a private directory (its parent must exist); one that exists is tightened. */
    public static Path directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            if (POSIX) {
                Files.createDirectory(dir, attribute(DIRECTORY));
            } else {
                Files.createDirectory(dir);
            }
        } else if (POSIX) {
            Files.setPosixFilePermissions(dir, DIRECTORY);
        }
        return dir;
    }

    /** Creates the empty file {@code file}, readable and writable by its owner only. */
    public static Path newFile(Path file) throws IOException {
        return POSIX ? Files.createFile(file, attribute(FILE)) : Files.createFile(file);
    }

    /** Makes the existing {@code file} readable and writable by its owner only. */
    public static Path tighten(Path file) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(file, FILE);
        }
        return file;
    }

    /** Tightens every regular file directly in {@code dir} (files others made there, such as H2's). */
    public static void tightenFilesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                tighten(file);
            }
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
