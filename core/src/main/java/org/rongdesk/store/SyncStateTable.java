package org.rongdesk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Where this client is in each server archive it catches up from, by key. */
final class SyncStateTable {
    private final Database db;

    SyncStateTable(Database db) {
        this.db = db;
    }

    Optional<String> get(String key) throws SQLException {
        try (ResultSet row = db.query("SELECT sync_value FROM sync_state WHERE sync_key = ?", key).executeQuery()) {
            return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
        }
    }

    void put(String key, String value) throws SQLException {
        db.update("MERGE INTO sync_state KEY (sync_key) VALUES (?, ?)", key, value);
    }
}
