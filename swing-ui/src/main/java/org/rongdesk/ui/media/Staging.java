package org.rongdesk.ui.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Supplier;

/** Where the client's own recordings are written before they are sent: {@code <file base>/outgoing/}. */
public final class Staging {
    private final Supplier<Path> fileBase;

    public Staging(Path fileBase) {
        this(() -> fileBase);
    }

    /** Staging into the file base {@code fileBase} gives when a file is made (the config may not be read yet). */
    public Staging(Supplier<Path> fileBase) {
        this.fileBase = () -> fileBase.get().toAbsolutePath().normalize();
    }

    /** A new file name in the outgoing directory, for something recorded here. */
    public Path newFile(String suffix) throws IOException {
        Path dir = Files.createDirectories(fileBase.get().resolve("outgoing"));
        return dir.resolve(UUID.randomUUID() + suffix);
    }
}
