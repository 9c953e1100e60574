package org.rongdesk.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.rongdesk.base.Params;
import org.rongdesk.base.RongException;

/**
 * Files a message may carry. {@code fs://PATH} means {@code PATH} inside the file base directory
 * (the config's {@code fileBase}, by default {@code <data dir>/fs}) and may not climb out of it
 * with {@code ..}; a plain absolute path is taken as it is (whoever calls the API runs as the
 * same user and may send any file they can read); a relative path is refused, since what it is
 * relative to would be a guess. Symbolic links are followed. The file must be a readable regular
 * file (not a directory, device, pipe or socket) of 1 byte to {@value #MAX_BYTES} bytes; anything
 * else answers -10002 naming the field and the file. Whether it is an image or a wave is the
 * caller's check.
 */
public final class LocalFiles {
    /** Largest file sent, as the dev server's upload limit. */
    public static final long MAX_BYTES = 100L * 1024 * 1024;
    private static final String SCHEME = "fs://";
    private final Path base;

    public LocalFiles(Path base) {
        this.base = base.toAbsolutePath().normalize();
    }

    /** The file {@code path} names, checked as above. */
    public Path resolve(String field, String path) throws RongException {
        Path file = named(field, path);
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            throw RongException.invalid(field + ": the file " + Params.shorten(path) + " does not exist");
        } catch (IOException e) {
            throw RongException.invalid(field + ": the file " + Params.shorten(path) + " cannot be read: " + e.getMessage());
        }
        if (Files.isDirectory(real)) {
            throw RongException.invalid(field + ": " + Params.shorten(path) + " is a directory, not a file");
        }
        if (!Files.isRegularFile(real)) {
            throw RongException.invalid(field + ": " + Params.shorten(path) + " is not a regular file (a device, pipe or socket)");
        }
        if (!Files.isReadable(real)) {
            throw RongException.invalid(field + ": the file " + Params.shorten(path) + " cannot be read");
        }
        long size;
        try {
            size = Files.size(real);
        } catch (IOException e) {
            throw RongException.invalid(field + ": the file " + Params.shorten(path) + " cannot be read: " + e.getMessage());
        }
        if (size == 0) {
            throw RongException.invalid(field + ": the file " + Params.shorten(path) + " is empty");
        }
        if (size > MAX_BYTES) {
            throw RongException.invalid(field + ": the file " + Params.shorten(path) + " is larger than " + MAX_BYTES + " bytes");
        }
        return real;
    }

    private Path named(String field, String path) throws RongException {
        try {
            if (path.startsWith(SCHEME)) {
                Path inside = base.resolve(path.substring(SCHEME.length()).replaceFirst("^/+", "")).normalize();
                if (!inside.startsWith(base)) {
                    throw RongException.invalid(field + ": " + Params.shorten(path) + " climbs out of the file base directory " + base);
                }
                return inside;
            }
            Path plain = Path.of(path);
            if (!plain.isAbsolute()) {
                throw RongException.invalid(field + ": '" + Params.shorten(path) + "' is a relative path; give an absolute path or fs://");
            }
            return plain;
        } catch (InvalidPathException e) {
            throw RongException.invalid(field + ": '" + Params.shorten(path) + "' is not a file path");
        }
    }
}
