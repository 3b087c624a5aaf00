package org.opregister.core;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Row locks taken with {@code select ... for update} for the rest of the current transaction. Unlike a JPA lock on
 * a loaded entity, it checks no version: it only makes writers of the same rows take turns, and what they read after
 * it is what the previous writer committed.
 */
public final class RowLocks {

    private RowLocks() {
    }

    /** Locks the row of {@code table} (a name from the code, never from input) whose {@code column} is the key. */
    public static void forUpdate(String table, String column, Object key) {
        Panache.getEntityManager()
                .createNativeQuery("select " + column + " from " + table + " where " + column + " = ?1 for update")
                .setParameter(1, key).getResultList();
    }
}
