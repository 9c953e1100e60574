package org.rongdesk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.rongdesk.model.UserInfo;

/** The user_info table (names and pictures as last read) and the contact table (the roster as last seen). */
final class UserTable {
    private final Database db;

    UserTable(Database db) {
        this.db = db;
    }

    Optional<UserInfo> get(String userId) throws SQLException {
        try (ResultSet row = db.query("SELECT name, portrait_uri, photo_hash, checked_at FROM user_info WHERE user_id = ?",
                userId).executeQuery()) {
            return row.next() ? Optional.of(new UserInfo(userId, row.getString(1), row.getString(2), row.getString(3),
                    row.getLong(4))) : Optional.empty();
        }
    }

    void put(UserInfo info) throws SQLException {
        db.update("MERGE INTO user_info KEY (user_id) VALUES (?, ?, ?, ?, ?)", info.userId(), info.name(),
                info.portraitUri(), info.photoHash(), info.checkedAt());
    }

    /** The contacts as last seen: user id and subscription, by id. */
    List<String[]> contacts() throws SQLException {
        List<String[]> contacts = new ArrayList<>();
        try (ResultSet rows = db.query("SELECT user_id, subscription FROM contact ORDER BY user_id").executeQuery()) {
            while (rows.next()) {
                contacts.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        return contacts;
    }

    void replaceContacts(List<String[]> contacts) throws SQLException {
        db.update("DELETE FROM contact");
        for (String[] contact : contacts) {
            db.update("INSERT INTO contact (user_id, subscription) VALUES (?, ?)", contact[0], contact[1]);
        }
    }
}
