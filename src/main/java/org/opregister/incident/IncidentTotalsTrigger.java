package org.opregister.incident;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;

import org.h2.api.Trigger;

/**
 * H2's half of the kept totals ({@link IncidentTotals}): on every inserted, updated or deleted incident, writes its
 * change to the number of incidents, of events and of the net loss in {@code incident_totals}, in the writer's
 * transaction (PostgreSQL does the same with statement triggers, see {@code V38__kept_incident_totals}). H2 databases
 * store this class's name in their trigger: it must keep its name and package.
 */
public class IncidentTotalsTrigger implements Trigger {

    private int status;
    private int rootEvent;
    private int netLoss;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        try (ResultSet column = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (column.next()) {
                int index = column.getInt("ORDINAL_POSITION") - 1;
                switch (column.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)) {
                    case "status" -> status = index;
                    case "root_event_id" -> rootEvent = index;
                    case "net_loss" -> netLoss = index;
                    default -> {
                    }
                }
            }
        }
    }

    @Override
    public void fire(Connection connection, Object[] before, Object[] after) throws SQLException {
        if (before != null && after != null && Objects.equals(before[status], after[status])) {
            write(connection, (String) after[status], 0, events(after) - events(before),
                    amount(after).subtract(amount(before)));
            return;
        }
        if (before != null) {
            write(connection, (String) before[status], -1, -events(before), amount(before).negate());
        }
        if (after != null) {
            write(connection, (String) after[status], 1, events(after), amount(after));
        }
    }

    private int events(Object[] row) {
        return row[rootEvent] == null ? 1 : 0;
    }

    private BigDecimal amount(Object[] row) {
        return (BigDecimal) row[netLoss];
    }

    private static void write(Connection connection, String status, long incidents, long events, BigDecimal netLoss)
            throws SQLException {
        if (incidents == 0 && events == 0 && netLoss.signum() == 0) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into incident_totals (status, incidents, events, net_loss) values (?, ?, ?, ?)")) {
            insert.setString(1, status);
            insert.setLong(2, incidents);
            insert.setLong(3, events);
            insert.setBigDecimal(4, netLoss);
            insert.executeUpdate();
        }
    }
}
