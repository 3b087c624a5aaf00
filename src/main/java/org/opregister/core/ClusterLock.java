package org.opregister.core;

/**
 * A named lock held in the database until the current transaction ends, so that work which must not run twice at
 * once (seeding, checks that span many rows) runs one at a time across threads and across instances sharing the
 * database. Waiting follows the database's lock timeout.
 */
public final class ClusterLock {

    /** Start-up writes: demo data, the example case, the first administrator. */
    public static final String START_UP = "start-up";

    private ClusterLock() {
    }

    /** Takes the lock for the rest of the current transaction (waiting while another transaction holds it). */
    public static void hold(String name) {
        FirstRow.insertIfAbsent("insert into cluster_lock (name) values (?)", name);
        RowLocks.forUpdate("cluster_lock", "name", name);
    }
}
