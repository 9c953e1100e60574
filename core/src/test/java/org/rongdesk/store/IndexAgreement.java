package org.rongdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether every index of an H2 file holds exactly its table's rows: for each index, the number of
 * entries and a sum of hashes of (row id, indexed columns) read in the index's own order (so H2
 * must walk it) against the same read from the table itself. A count alone misses an entry left
 * with old column values; H2 ignores {@code USE INDEX} without an ORDER BY it can serve.
 */
final class IndexAgreement {
    private IndexAgreement() {
    }

    /** "TABLE.INDEX: index n/hash, table n/hash" for each index that disagrees; empty when all agree. */
    static List<String> disagreements(Connection connection) throws SQLException {
        List<String[]> indexes = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT TABLE_NAME, INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES"
                     + " WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME, INDEX_NAME")) {
            while (rows.next()) {
                indexes.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        List<String> found = new ArrayList<>();
        for (String[] index : indexes) {
            List<String> columns = new ArrayList<>();
            List<String> order = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT COLUMN_NAME, ORDERING_SPECIFICATION"
                    + " FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' AND INDEX_NAME = ?"
                    + " ORDER BY ORDINAL_POSITION")) {
                statement.setString(1, index[1]);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        columns.add('"' + rows.getString(1) + '"');
                        order.add('"' + rows.getString(1) + "\" " + rows.getString(2));
                    }
                }
            }
            String hashed = "SELECT ORA_HASH(CONCAT_WS('|', _ROWID_, " + String.join(", ", columns) + ")) h FROM \""
                    + index[0] + "\" ";
            String viaIndex = sum(connection, hashed + "USE INDEX (\"" + index[1] + "\") ORDER BY " + String.join(", ", order)
                    + " LIMIT " + Long.MAX_VALUE);
            String viaTable = sum(connection, hashed + "USE INDEX ()");
            if (!viaIndex.equals(viaTable)) {
                found.add(index[0] + "." + index[1] + ": index " + viaIndex + ", table " + viaTable);
            }
        }
        return found;
    }

    private static String sum(Connection connection, String rows) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet sum = statement.executeQuery("SELECT COUNT(*), SUM(h) FROM (" + rows + ")")) {
            sum.next();
            return sum.getLong(1) + "/" + sum.getString(2);
        }
    }
}
