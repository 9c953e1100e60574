package org.rongdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.rongdesk.store.LocalStore;

/**
 * Data directories for starting the client on: empty, or holding a store built with the store
 * benchmark's workload. Big stores take minutes to build, so they are kept in a cache directory
 * and reused (a marker file says a store is complete).
 */
final class ClientStores {
    static final String APP_KEY = "bench.local";
    static final String USER = "bench-client";
    private static final int BATCH = 1000;

    private final Path cache;

    ClientStores(Path cache) {
        this.cache = cache;
    }

    /** A data directory with no store yet. */
    Path empty(Path dir) throws IOException {
        return Files.createDirectories(dir.resolve("empty-data"));
    }

    /** A data directory whose store holds {@code messages} over {@code conversations} (built once, then reused). */
    Path withMessages(int messages, int conversations) throws IOException {
        Path data = cache.resolve("store-" + messages + "-" + conversations);
        Path done = data.resolve("complete");
        if (Files.exists(done)) {
            return data;
        }
        TempDir.delete(data);
        Files.createDirectories(data);
        Log.info(String.format("building a store of %,d messages over %,d conversations in %s (once; kept for later runs)",
                messages, conversations, data));
        try (LocalStore store = LocalStore.open(data, APP_KEY, USER)) {
            StoreImport.run(store, new SyntheticMessages(conversations, 7), messages, BATCH);
        }
        Files.writeString(done, messages + " messages, " + conversations + " conversations\n");
        return data;
    }
}
