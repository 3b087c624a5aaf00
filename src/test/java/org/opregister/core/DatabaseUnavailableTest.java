package org.opregister.core;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;

import io.quarkus.narayana.jta.QuarkusTransactionException;
import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.hibernate.engine.jdbc.spi.SqlExceptionHelper;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures mean "the database is unavailable" (503) rather than a fault of the application (500). */
class DatabaseUnavailableTest {

    private static final SqlExceptionHelper HIBERNATE = new SqlExceptionHelper(false);

    @Test
    void connectionFailuresOfTheDrivers() {
        // PostgreSQL: refused, the connection lost, the server shutting down or starting up, full.
        for (String state : new String[]{"08001", "08006", "08003", "57P01", "57P03", "53300"}) {
            assertTrue(DatabaseUnavailable.causedBy(new SQLException("lost", state)), state);
        }
        // H2 reports broken and closed connections as SQLNonTransientConnectionException.
        assertTrue(DatabaseUnavailable.causedBy(DbException.getJdbcSQLException(ErrorCode.CONNECTION_BROKEN_1, "x")));
        assertTrue(
                DatabaseUnavailable.causedBy(DbException.getJdbcSQLException(ErrorCode.DATABASE_CALLED_AT_SHUTDOWN)));
        assertTrue(DatabaseUnavailable.causedBy(new SQLTransientConnectionException("pool")));
    }

    @Test
    void asHibernateAndTheTransactionManagerWrapThem() {
        assertTrue(DatabaseUnavailable.causedBy(new PersistenceException(
                HIBERNATE.convert(new SQLException("I/O error", "08006"), "could not execute query", "select 1"))));
        Throwable rollbackOnlyBecause = new Throwable("setRollbackOnly called from:",
                DbException.getJdbcSQLException(ErrorCode.DATABASE_CALLED_AT_SHUTDOWN));
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.initCause(rollbackOnlyBecause);
        assertTrue(DatabaseUnavailable.causedBy(new QuarkusTransactionException(rollback)));
    }

    @Test
    void noConnectionAtAllWhateverTheReason() {
        // ALLOW_CONNECTIONS false on PostgreSQL, a dropped database, the pool's acquisition timeout.
        assertTrue(DatabaseUnavailable.causedBy(HIBERNATE.convert(
                new SQLException("database \"x\" is not currently accepting connections", "55000"),
                "Unable to acquire JDBC Connection")));
        assertTrue(DatabaseUnavailable.causedBy(HIBERNATE.convert(
                new SQLException("Acquisition timeout while waiting for new connection", new TimeoutException()),
                "Unable to acquire JDBC Connection")));
    }

    @Test
    void otherDatabaseErrorsAreFaultsOfTheApplication() {
        assertFalse(DatabaseUnavailable.causedBy(HIBERNATE.convert(
                new SQLException("duplicate key", "23505"), "could not execute statement", "insert")));
        assertFalse(DatabaseUnavailable.causedBy(new ConstraintViolationException("unique", null, "uk")));
        assertFalse(DatabaseUnavailable.causedBy(new OptimisticLockException("stale")));
        assertFalse(DatabaseUnavailable.causedBy(HIBERNATE.convert(
                new SQLException("currval of sequence is not yet defined", "55000"), "could not execute query",
                "select")));
        assertFalse(DatabaseUnavailable.causedBy(new IllegalStateException("bug")));
        assertFalse(DatabaseUnavailable.causedBy(null));
    }

    @Test
    void aCycleInTheCauseChainEnds() {
        Exception first = new Exception("first");
        Exception second = new Exception("second", first);
        first.initCause(second);
        assertFalse(DatabaseUnavailable.causedBy(first));
    }
}
