package org.rongdesk.message;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

import org.rongdesk.base.PrivateFiles;

/**
 * Where one user's message files live: copies of files sent (so history keeps them when the
 * originals move), thumbnails, and downloads. Inside the user's private store directory, and
 * private itself (mode 700, files 600).
 */
final class MediaDir {
    private final Path dir;

    MediaDir(Path storeDirectory) {
        this.dir = storeDirectory.resolve("media");
    }

    /** A new, unique file name here (the file is not created). */
    Path newFile(String kind, String extension) throws IOException {
        PrivateFiles.directory(dir);
        String suffix = extension.isEmpty() ? "" : "." + extension.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return dir.resolve(kind + "-" + UUID.randomUUID() + suffix);
    }

    /** Writes {@code bytes} to a new file here. */
    Path write(String kind, String extension, byte[] bytes) throws IOException {
        Path file = PrivateFiles.newFile(newFile(kind, extension));
        Files.write(file, bytes);
        return file;
    }

    /** Copies {@code source} to a new file here, keeping its extension. */
    Path copy(String kind, Path source) throws IOException {
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path copy = newFile(kind, dot > 0 ? name.substring(dot + 1) : "");
        Files.copy(source, copy);
        return PrivateFiles.tighten(copy);
    }
}
