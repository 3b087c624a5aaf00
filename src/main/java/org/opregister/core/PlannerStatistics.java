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

    /**
     * Has PostgreSQL plan each of the current transaction's queries for the tables as they are at that moment, not
     * reuse a plan made when they were smaller: an import's lookups by key (an incident's external reference, for
     * each of 100,000 rows) are prepared statements, and after five runs the driver's plan is a generic one, made
     * with the counts of the start. With a register holding only the example case, that plan scans the table, which
     * the import then grows to 100,000 rows: each lookup read every incident written so far (the dry run was still
     * in its incidents after 5 minutes, where it took under 2). H2 plans by the indexes: nothing to do there.
     */
    public static void planForTheTablesAsTheyGrow() {
        onPostgres("set local plan_cache_mode = force_custom_plan");
    }

    public static void refresh(String... tables) {
        onPostgres("analyze " + String.join(", ", tables));
    }

    /** Runs the statement in the current transaction when the database is PostgreSQL; on H2, nothing. */
    private static void onPostgres(String sql) {
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                }
            }
        });
    }
}
