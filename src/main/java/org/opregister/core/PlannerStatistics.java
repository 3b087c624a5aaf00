package org.opregister.core;

import java.sql.Statement;

import io.quarkus.hibernate.orm.panache.Panache;
import org.hibernate.Session;

/**
 * Brings the query planner's idea of a table's size up to date after a bulk write in the current transaction (an
 * import). PostgreSQL otherwise plans the transaction's next queries with the counts of before, or of after a dry run
 * emptied the tables again: it scans the whole ledger for the totals of 500 incidents (about a second a query where
 * the index takes milliseconds). Its {@code ANALYZE} counts the transaction's own rows and may run inside it. H2 plans
 * these queries by their indexes whatever the counts: nothing to do there.
 */
public final class PlannerStatistics {

    private PlannerStatistics() {
    }

    public static void refresh(String... tables) {
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("analyze " + String.join(", ", tables));
                }
            }
        });
    }
}
