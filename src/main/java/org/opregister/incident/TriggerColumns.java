package org.opregister.incident;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Where an H2 row trigger finds the columns it reads in the rows H2 hands it: their positions, by name. */
final class TriggerColumns {

    private TriggerColumns() {
    }

    /** The position of each named column in the table's rows, in the order of the names. */
    static int[] positions(Connection connection, String schema, String table, List<String> names)
            throws SQLException {
        int[] positions = new int[names.size()];
        Arrays.fill(positions, -1);
        try (ResultSet column = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (column.next()) {
                int at = names.indexOf(column.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                if (at >= 0) {
                    positions[at] = column.getInt("ORDINAL_POSITION") - 1;
                }
            }
        }
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] < 0) {
                throw new SQLException("table " + table + " has no column " + names.get(i));
            }
        }
        return positions;
    }
}
