package org.rongdesk.people;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import org.rongdesk.base.PrivateFiles;
import org.rongdesk.base.RongException;
import org.rongdesk.media.ImageFiles;
import org.rongdesk.media.LocalFiles;

/**
 * Users' pictures: the user's own, made from an image file into a small PNG; others', as their
 * profile carries them, kept under {@code <store>/portraits/<sha1>.<type>} so that a picture
 * seen once is shown offline and fetched never again.
 */
final class Portraits {
    /** Largest picture taken from a peer's profile; a bigger one is left out. */
    static final int MAX_BYTES = 512 * 1024;
    private static final Map<String, String> EXTENSIONS = Map.of("image/png", "png", "image/jpeg", "jpg",
            "image/jpg", "jpg", "image/gif", "gif", "image/webp", "webp", "image/bmp", "bmp");

    private final Path directory;
    private final LocalFiles files;

    /** A picture ready to publish: PNG bytes and their SHA-1. */
    record Portrait(byte[] png, String hash) {
    }

    Portraits(Path storeDirectory, LocalFiles files) {
        this.directory = storeDirectory.resolve("portraits");
        this.files = files;
    }

    /** The user's picture from the image at {@code path} (absolute or fs://), scaled; -10002 naming {@code field}. */
    Portrait fromFile(String field, String path) throws RongException {
        ImageFiles.Image image = ImageFiles.read(field, files.resolve(field, path));
        try {
            byte[] png = ImageFiles.portrait(image.pixels());
            return new Portrait(png, sha1(png));
        } catch (IOException e) {
            throw RongException.invalid(field + ": the image cannot be made into a picture: " + e.getMessage());
        }
    }

    /**
     * Keeps a picture's bytes (when they are an image of at most {@value #MAX_BYTES} bytes) and
     * answers its {@code file:} URI, or empty when it is not kept.
     */
    String keep(byte[] bytes, String mimeType) {
        if (bytes == null || bytes.length == 0 || bytes.length > MAX_BYTES || !ImageFiles.isImage(bytes)) {
            return "";
        }
        String extension = mimeType == null ? "img" : EXTENSIONS.getOrDefault(mimeType.toLowerCase(Locale.ROOT), "img");
        Path file = directory.resolve(sha1(bytes) + "." + extension);
        try {
            if (!Files.exists(file)) {
                PrivateFiles.directory(directory);
                Path partial = directory.resolve(file.getFileName() + ".part");
                Files.deleteIfExists(partial);
                PrivateFiles.newFile(partial);
                Files.write(partial, bytes);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return file.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a picture in " + directory, e);
        }
    }

    /** SHA-1 in lower-case hex, as XEP-0153 and XEP-0084 name a picture. */
    static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
