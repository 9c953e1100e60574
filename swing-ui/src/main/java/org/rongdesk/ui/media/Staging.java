package org.rongdesk.ui.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

import org.rongdesk.threads.NamedThreads;

/**
 * Puts files the user picked where the client may send them from: the file base (core only
 * sends files inside it). A file already inside is used as it is; any other is copied to
 * {@code <file base>/outgoing/}. Copies run on a worker thread, never on the EDT.
 */
public final class Staging implements AutoCloseable {
    private final Supplier<Path> fileBase;
    private final ExecutorService worker = NamedThreads.single("rongdesk-staging");

    public Staging(Path fileBase) {
        this(() -> fileBase);
    }

    /** Staging into the file base {@code fileBase} gives when a file is staged (the config may not be read yet). */
    public Staging(Supplier<Path> fileBase) {
        this.fileBase = () -> fileBase.get().toAbsolutePath().normalize();
    }

    /** A new file name in the outgoing directory, for something recorded here. */
    public Path newFile(String suffix) throws IOException {
        Path dir = Files.createDirectories(fileBase.get().resolve("outgoing"));
        return dir.resolve(UUID.randomUUID() + suffix);
    }

    /** The path to send {@code file} from (a copy unless it lies in the file base already). */
    public CompletableFuture<Path> stage(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Path real = file.toRealPath();
                if (real.startsWith(Files.createDirectories(fileBase.get()).toRealPath())) {
                    return real;
                }
                Path target = newFile("-" + file.getFileName());
                return Files.copy(real, target, StandardCopyOption.COPY_ATTRIBUTES);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, worker);
    }

    @Override
    public void close() {
        worker.shutdown();
    }
}
