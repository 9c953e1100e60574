package org.rongdesk.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The reference for the store file's size: what H2's own {@code SHUTDOWN COMPACT} makes of a
 * closed store file (notes/h2-store.md: 1.36 GB → 73 MB). Opens the file directly, as the store's
 * own local database user.
 */
final class CompactReference {
    private static final String SUFFIX = ".mv.db";

    private CompactReference() {
    }

    /** Compacts the closed H2 file {@code file} (…/store.mv.db) in place. */
    static void compact(Path file) throws SQLException {
        String name = file.toAbsolutePath().toString();
        if (!name.endsWith(SUFFIX)) {
            throw new IllegalArgumentException("not an H2 file: " + file);
        }
        String url = "jdbc:h2:file:" + name.substring(0, name.length() - SUFFIX.length());
        try (Connection connection = DriverManager.getConnection(url, "rongdesk", "");
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        }
    }
}
