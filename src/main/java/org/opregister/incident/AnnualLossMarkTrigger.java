package org.opregister.incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.h2.api.Trigger;

/**
 * H2's half of the kept annual losses ({@link KeptAnnualLosses}): marks, in the writer's transaction, the year a
 * ledger line was booked in when it is inserted or deleted, and both years when an update changes what the line
 * contributes to its year's figures (the columns of migration V39's {@code COUNTED}). PostgreSQL does the same with
 * row triggers in PL/pgSQL ({@code V39__kept_annual_losses}). H2 databases store this class's name in their trigger: it
 * must keep its name and package.
 */
public class AnnualLossMarkTrigger implements Trigger {

    private static final List<String> COUNTED = List.of("accounting_date", "entry_type", "recovery_status",
            "reporting_amount", "event_id", "event_excluded", "event_gross", "event_net");

    private int[] counted;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        counted = TriggerColumns.positions(connection, schema, table, COUNTED);
    }

    @Override
    public void fire(Connection connection, Object[] before, Object[] after) throws SQLException {
        if (before != null && after != null && unchanged(before, after)) {
            return;
        }
        Integer old = before == null ? null : year(before);
        if (old != null) {
            mark(connection, old);
        }
        if (after != null && !year(after).equals(old)) {
            mark(connection, year(after));
        }
    }

    private boolean unchanged(Object[] before, Object[] after) {
        for (int column : counted) {
            Object a = before[column];
            Object b = after[column];
            boolean same = a instanceof Comparable<?> && b != null && a.getClass() == b.getClass()
                    ? compare(a, b) == 0
                    : Objects.equals(a, b);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    private Integer year(Object[] row) {
        Object date = row[counted[0]];
        return date instanceof java.sql.Date sql ? sql.toLocalDate().getYear() : ((LocalDate) date).getYear();
    }

    private static void mark(Connection connection, int year) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into loss_year_mark (loss_year) values (?)")) {
            insert.setInt(1, year);
            insert.executeUpdate();
        }
    }
}
