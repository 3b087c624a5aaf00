package org.opregister.core;

import java.sql.Connection;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Reads that must see the database as of one moment although they take many statements (a return read a thousand
 * events at a time): the current transaction reads one snapshot of the whole database, taken at its first statement.
 * PostgreSQL's REPEATABLE READ does that; H2's REPEATABLE READ fixes each table only when the transaction first reads
 * it, so on H2 the level is SNAPSHOT ({@link #H2_SNAPSHOT}), which fixes them all at once. Call it before the
 * transaction's first statement; the pool gives the connection back its default level when it is returned.
 */
public final class OneSnapshot {

    /** H2's SNAPSHOT isolation level ({@code org.h2.engine.Constants.TRANSACTION_SNAPSHOT}). */
    static final int H2_SNAPSHOT = 6;

    private OneSnapshot() {
    }

    public static void forThisTransaction(EntityManager em) {
        em.unwrap(Session.class).doWork(connection -> connection.setTransactionIsolation(
                "H2".equals(connection.getMetaData().getDatabaseProductName())
                        ? H2_SNAPSHOT
                        : Connection.TRANSACTION_REPEATABLE_READ));
    }
}
