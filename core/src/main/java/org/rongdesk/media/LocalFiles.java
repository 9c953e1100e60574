package org.rongdesk.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.rongdesk.api.Params;
import org.rongdesk.api.RongException;

/**
 * Files a message may carry. {@code fs://PATH} means {@code PATH} inside the file base
 * directory (the config's {@code fileBase}, by default {@code <data dir>/fs}); a plain absolute
 * or relative path is taken as it is. Either way the real file (symbolic links followed) must lie
 * inside the file base, be a readable regular file and hold 1 byte to {@value #MAX_BYTES} bytes;
 * anything else answers -10002 naming the field and the file.
 */
public final class LocalFiles {
    /** Largest file sent, as the dev server's upload limit. */
    public static final long MAX_BYTES = 100L * 1024 * 1024;
    private static final String SCHEME = "fs://";
    private final Path base;

    public LocalFiles(Path base) {
        this.base = base.toAbsolutePath().normalize();
    }

    /** The file base directory. */
    public Path base() {
        return base;
    }

    /** The file {@code path} names, checked as above. */
    public Path resolve(String field, String path) throws RongException {
        Path file;
        try {
            if (path.startsWith(SCHEME)) {
                String inside = path.substring(SCHEME.length()).replaceFirst("^/+", "");
                file = base.resolve(inside);
            } else {
                file = Path.of(path);
            }
        } catch (InvalidPathException e) {
            throw RongException.invalid(field + ": '" + Params.shorten(path) + "' is not a file path");
        }
        if (!file.toAbsolutePath().normalize().startsWith(base)) {
            throw RongException.invalid(field + ": " + Params.shorten(path) + " is outside the file base directory " + base);
        }
        Path real;
        try {
            Files.createDirectories(base);
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            throw RongException.invalid(field + ": the file " + Params.shorten(path) + " does not exist");
        } catch (IOException e) {
            throw RongException.invalid(field + ": the file " + Params.shorten(path) + " cannot be read: " + e.getMessage());
        }
        Path realBase;
        try {
            realBase = base.toRealPath();
        } catch (IOException e) {
            throw RongException.invalid(field + ": the file base " + base + " cannot be read: " + e.getMessage());
        }
        if (!real.startsWith(realBase)) {
            throw RongException.invalid(field + ": " + Params.shorten(path) + " is outside the file base directory " + base);
        }
        if (!Files.isRegularFile(real)) {
            throw RongException.invalid(field + ": " + Params.shorten(path) + " is not a file");
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
}
