package org.rongdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.h2.engine.Constants;
import org.h2.mvstore.MVStoreTool;

/**
 * One H2 file opened over one JDBC connection, its schema brought up to {@link Schema#VERSION},
 * with short transactions and cached prepared statements. Not thread-safe: {@link LocalStore}
 * serialises all use.
 *
 * <p>Settings, from measurements on this kind of machine (shared/notes/h2-store.md): an 8 MiB
 * cache (it persists in the file once set; 4 MiB could not keep a 10,000-row conversation list
 * hot next to a million messages), the default 500 ms write delay (received messages
 * that a crash loses are fetched again from the server's archive, whose position is committed in
 * the same transaction), and an explicit {@link #flush()} where a write must survive a crash
 * (messages about to be sent).
 *
 * <p>H2 gathers a result (and the rows a statement changes) in memory up to {@link #MAX_MEMORY_ROWS},
 * and beyond that in a temporary file. Its default follows the heap, under 5,000 rows at 128 MiB,
 * so the 10,000-row conversation list was written out and read back each time: 40 % of its time.
 * Lazy query execution (no gathering) avoids that too, but was 6–9 ms slower on the list.
 */
final class Database implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    /** A file bigger than this (MiB; {@code -Drongdesk.store.compactAboveMiB}) may be compacted when closed. */
    private static final long COMPACT_ABOVE_MIB = 64;
    /**
     * Rows of one result H2 keeps in memory: twice the 10,000 conversations of a large list. It
     * also bounds the rows an UPDATE or DELETE gathers: clearing a conversation of 19,000 messages
     * (-Xmx128m, a million messages) peaked no higher than with H2's default, which spilled them.
     */
    static final int MAX_MEMORY_ROWS = 20_000;
    private final Connection connection;
    private final Path file;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    /** Work done inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * H2's page cache in KiB (heap): bounded, as a desktop client's heap is small; the OS caches
     * the file too. {@code -Drongdesk.store.cacheKiB} changes it (the benchmarks measure both).
     */
    static final int CACHE_KIB = Math.max(256, Integer.getInteger("rongdesk.store.cacheKiB", 8192));

    private Database(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    /** Opens (creating if needed) {@code file} (without the .mv.db suffix) and migrates it. */
    static Database open(Path file) throws SQLException {
        // a compaction killed half way leaves H2's temporary file next to the intact store
        MVStoreTool.compactCleanUp(file.toAbsolutePath() + Constants.SUFFIX_MV_FILE);
        Connection connection = DriverManager.getConnection(url(file), "rongdesk", "");
        connection.setAutoCommit(false);
        Database database = new Database(connection, Path.of(file.toAbsolutePath() + ".mv.db"));
        try {
            database.migrate();
            database.noteCompaction();
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /** The JDBC URL of {@code file} (without the .mv.db suffix) with the store's settings. */
    static String url(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath() + ";CACHE_SIZE=" + CACHE_KIB + ";DB_CLOSE_ON_EXIT=FALSE"
                + ";MAX_MEMORY_ROWS=" + MAX_MEMORY_ROWS;
    }

    /** The schema version of the open file. */
    int version() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery(
                     "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'STORE_META'")) {
            tables.next();
            if (tables.getInt(1) == 0) {
                return 0;
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("SELECT meta_value FROM store_meta WHERE meta_key = 'schema_version'")) {
            return version.next() ? Integer.parseInt(version.getString(1)) : 0;
        }
    }

    private void migrate() throws SQLException {
        int version = version();
        if (version > Schema.VERSION) {
            throw new SQLException("the local store has schema version " + version + ", newer than this Rong Desk ("
                    + Schema.VERSION + "); use the newer version");
        }
        for (int next = version + 1; next <= Schema.VERSION; next++) {
            int target = next;
            inTransaction(() -> {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : Schema.MIGRATIONS.get(target - 1)) {
                        statement.execute(sql);
                    }
                    statement.execute("MERGE INTO store_meta KEY (meta_key) VALUES ('schema_version', '" + target + "')");
                }
                return null;
            });
            LOG.fine("local store migrated to schema version " + target);
        }
    }

    /** After a full compaction (see {@link #close}): the file's size then is the new baseline. */
    private void noteCompaction() throws SQLException {
        if (meta("compacting").isPresent()) {
            try {
                setMeta("compacted_size", Long.toString(Files.size(file)));
            } catch (IOException e) {
                throw new SQLException("cannot measure " + file, e);
            }
            update("DELETE FROM store_meta WHERE meta_key = 'compacting'");
            connection.commit();
        }
    }

    private Optional<String> meta(String key) throws SQLException {
        try (ResultSet row = query("SELECT meta_value FROM store_meta WHERE meta_key = ?", key).executeQuery()) {
            return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
        }
    }

    private void setMeta(String key, String value) throws SQLException {
        update("MERGE INTO store_meta KEY (meta_key) VALUES (?, ?)", key, value);
    }

    /** Runs {@code work} in a transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(Work<T> work) throws SQLException {
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    /** A cached prepared statement for {@code sql}. */
    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** Runs a statement with these parameters; the number of rows it changed. */
    int update(String sql, Object... params) throws SQLException {
        PreparedStatement statement = prepare(sql);
        bind(statement, params);
        return statement.executeUpdate();
    }

    /** Binds parameters to a cached statement and returns it, ready to execute a query. */
    PreparedStatement query(String sql, Object... params) throws SQLException {
        PreparedStatement statement = prepare(sql);
        bind(statement, params);
        return statement;
    }

    /** Writes what is committed through to the operating system, so that killing the process cannot lose it. */
    void flush() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        }
    }

    /**
     * Closes the file. H2 compacts for a moment on the way; when the file has more than doubled
     * since it was last compacted (a large catch-up or import leaves it many times its data:
     * shared/notes/h2-store.md) and is over 64 MiB, it is compacted fully, which takes seconds.
     */
    @Override
    public void close() {
        boolean compact = false;
        try {
            long size = Files.size(file);
            long compacted = meta("compacted_size").map(Long::parseLong).orElse(0L);
            long above = Long.getLong("rongdesk.store.compactAboveMiB", COMPACT_ABOVE_MIB) * 1024 * 1024;
            if (size > above && size > 2 * Math.max(compacted, above / 2)) {
                setMeta("compacting", "1");
                connection.commit();
                compact = true;
            }
        } catch (IOException | SQLException | NumberFormatException e) {
            LOG.log(Level.WARNING, "cannot tell whether the local store needs compacting; it stays as it is", e);
        }
        try {
            for (PreparedStatement statement : statements.values()) {
                statement.close();
            }
            statements.clear();
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "closing the local store failed", e);
            return;
        }
        if (compact) {
            compactClosed();
        }
    }

    /**
     * Rewrites the closed file into a new one and puts it in place with one atomic rename, so a
     * process killed meanwhile (a logout that does not wait) leaves the old file whole. H2's own
     * SHUTDOWN COMPACT moves chunks inside the file: killed during it, a store was found unreadable
     * ("Chunk … not found").
     */
    private void compactClosed() {
        long before = file.toFile().length();
        LOG.info(() -> "compacting the local store (" + before / (1024 * 1024) + " MiB)");
        try {
            MVStoreTool.compact(file.toString(), false);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "compacting the local store failed; it stays as it is", e);
            MVStoreTool.compactCleanUp(file.toString());
        }
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }

    /** Placeholders "?, ?, ?" for an IN list of {@code n} values. */
    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
