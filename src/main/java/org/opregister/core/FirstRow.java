package org.opregister.core;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.quarkus.hibernate.orm.panache.Panache;
import org.hibernate.Session;

/**
 * Inserts the first row of its kind (a counter, a throttle, a lock) unless it is there already, inside the current
 * transaction. Two transactions that both find the row missing both insert it: the primary key lets one through and
 * makes the other wait for it, then the other's insert does nothing. Callers then lock the row
 * ({@code select ... for update}) and work on it one at a time.
 */
public final class FirstRow {

    /** SQLSTATE of a unique-key violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private FirstRow() {
    }

    /**
     * Runs an {@code insert} with the given parameters (an {@link Instant} is bound as a UTC timestamp); a duplicate
     * key changes nothing and leaves the transaction
     * usable (PostgreSQL: {@code on conflict do nothing}; H2 undoes just the failed statement). Answers whether this
     * transaction inserted the row.
     */
    public static boolean insertIfAbsent(String insert, Object... parameters) {
        return Panache.getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            try (PreparedStatement statement = connection
                    .prepareStatement(postgres ? insert + " on conflict do nothing" : insert)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i] instanceof Instant instant
                            ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)
                            : parameters[i]);
                }
                return statement.executeUpdate() == 1;
            } catch (SQLException e) {
                if (postgres || !UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                return false;
            }
        });
    }
}
