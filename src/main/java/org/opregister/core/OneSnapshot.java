package org.opregister.core;

import java.sql.Connection;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Reads that must see the database as of one moment although they take many statements (a return read a thousand
 * events at a time): the current transaction runs at REPEATABLE READ, a snapshot taken at its first statement, on
 * PostgreSQL and H2 alike. Call it before the transaction's first statement; the pool gives the connection back its
 * default level when it is returned.
 */
public final class OneSnapshot {

    private OneSnapshot() {
    }

    public static void forThisTransaction(EntityManager em) {
        em.unwrap(Session.class)
                .doWork(connection -> connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ));
    }
}
