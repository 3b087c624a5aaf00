package org.opregister.incident;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.h2.api.Trigger;

/**
 * H2's half of the kept totals ({@link IncidentTotals}): on every inserted, updated or deleted incident, writes its
 * change to the number of incidents, of events and of the net loss of its group (status and classification) in
 * {@code incident_totals}, in the writer's transaction (PostgreSQL does the same with statement triggers, see
 * {@code V38__kept_incident_totals}). H2 databases store this class's name in their trigger: it must keep its name
 * and package.
 */
public class IncidentTotalsTrigger implements Trigger {

    private static final List<String> GROUP = List.of(IncidentTotals.GROUP.split(", "));

    private static final String INSERT = "insert into incident_totals (" + IncidentTotals.GROUP
            + ", incidents, events, net_loss) values (" + "?, ".repeat(GROUP.size()) + "?, ?, ?)";

    private int[] group;
    private int rootEvent;
    private int netLoss;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        List<String> read = new ArrayList<>(GROUP);
        read.add("root_event_id");
        read.add("net_loss");
        int[] positions = TriggerColumns.positions(connection, schema, table, read);
        group = Arrays.copyOf(positions, GROUP.size());
        rootEvent = positions[GROUP.size()];
        netLoss = positions[GROUP.size() + 1];
    }

    @Override
    public void fire(Connection connection, Object[] before, Object[] after) throws SQLException {
        if (before != null && after != null && Arrays.equals(group(before), group(after))) {
            write(connection, group(after), 0, events(after) - events(before), amount(after).subtract(amount(before)));
            return;
        }
        if (before != null) {
            write(connection, group(before), -1, -events(before), amount(before).negate());
        }
        if (after != null) {
            write(connection, group(after), 1, events(after), amount(after));
        }
    }

    private Object[] group(Object[] row) {
        return Arrays.stream(group).mapToObj(index -> row[index]).toArray();
    }

    private int events(Object[] row) {
        return row[rootEvent] == null ? 1 : 0;
    }

    private BigDecimal amount(Object[] row) {
        return (BigDecimal) row[netLoss];
    }

    private static void write(Connection connection, Object[] group, long incidents, long events,
            BigDecimal netLoss) throws SQLException {
        if (incidents == 0 && events == 0 && netLoss.signum() == 0) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < group.length; i++) {
                insert.setObject(i + 1, group[i]);
            }
            insert.setLong(group.length + 1, incidents);
            insert.setLong(group.length + 2, events);
            insert.setBigDecimal(group.length + 3, netLoss);
            insert.executeUpdate();
        }
    }
}
