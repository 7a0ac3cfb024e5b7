package app.rapport.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognizes a database that cannot be reached anywhere in a failure's causes. Spring translates
 * most of these itself, but Axon wraps the driver's errors in its own exceptions (an
 * {@code EventStoreException} around the I/O error of a connection the server just dropped), and
 * those would otherwise fall through to the 500 catch-all.
 */
final class DatabaseFailures {

    /**
     * What Hikari's pool answers, without a SQLState, when a connection is used again after the pool
     * evicted it for a fatal error (Axon reads on after a failed snapshot read in the same unit of work).
     */
    static final String EVICTED_CONNECTION = "Connection is closed";

    private DatabaseFailures() {
    }

    static boolean isUnreachable(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> toCheck = new ArrayDeque<>();
        toCheck.add(failure);
        while (!toCheck.isEmpty()) {
            Throwable error = toCheck.pop();
            if (!seen.add(error)) {
                continue;
            }
            if (isUnreachableItself(error)) {
                return true;
            }
            if (error instanceof SQLException sql && sql.getNextException() != null) {
                toCheck.add(sql.getNextException());
            }
            if (error.getCause() != null) {
                toCheck.add(error.getCause());
            }
        }
        return false;
    }

    private static boolean isUnreachableItself(Throwable error) {
        if (error instanceof CannotGetJdbcConnectionException || error instanceof CannotCreateTransactionException
                || error instanceof DataAccessResourceFailureException || error instanceof QueryTimeoutException
                || error instanceof SQLTransientConnectionException
                || error instanceof SQLNonTransientConnectionException) {
            return true;
        }
        return error instanceof SQLException sql
                && (isUnreachableState(sql.getSQLState()) || EVICTED_CONNECTION.equals(sql.getMessage()));
    }

    /**
     * Class 08 is "connection exception" (refused, dropped, closed); 57P01 to 57P03 are a server
     * shutting down or starting up; 53300 is a server out of connection slots.
     */
    static boolean isUnreachableState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03") || sqlState.equals("53300"));
    }
}
