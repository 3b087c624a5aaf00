package org.opregister.core;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.JDBCException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a failure caused by the database being out of reach (down, restarting, refusing connections, the network
 * cut, the pool unable to hand out a connection) from any other failure, by walking the cause chain. Callers answer
 * the first with 503 "try again in a moment" rather than an error of the application.
 */
public final class DatabaseUnavailable {

    /** Hibernate's words when no connection could be had at all, whatever the driver said. */
    private static final String NO_CONNECTION = "Unable to acquire JDBC Connection";

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        return Causes.any(failure, DatabaseUnavailable::isUnavailable);
    }

    private static boolean isUnavailable(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof JDBCConnectionException) {
            return true;
        }
        if (t instanceof JDBCException jdbc && jdbc.getMessage() != null
                && jdbc.getMessage().startsWith(NO_CONNECTION)) {
            return true;
        }
        return t instanceof SQLException sql && unavailableState(sql.getSQLState());
    }

    /**
     * SQLSTATE class 08 is "connection exception" in the SQL standard; 57P01 to 57P03 are PostgreSQL shutting
     * down, crashed or starting up, 53300 its connection limit reached.
     */
    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03") || state.equals("53300"));
    }
}
