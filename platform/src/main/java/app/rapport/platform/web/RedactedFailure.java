package app.rapport.platform.web;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.springframework.dao.DataAccessException;

/**
 * A failure as it may be logged: the same classes and stack frames, with the message of every
 * database error in its causes replaced by its class and SQLState. The driver's and Spring's
 * messages quote the statement with its bound values (a batch entry's whole row, a duplicate
 * key's value), which in this service are personal data: an email, a name, an encrypted payload
 * when encryption is off. The stack still says where it failed; the SQLState says how.
 */
final class RedactedFailure extends RuntimeException {

    private RedactedFailure(String message, Throwable original, Throwable cause) {
        super(message, cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    static Throwable of(Throwable failure) {
        return copy(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Throwable copy(Throwable failure, Set<Throwable> seen) {
        if (!seen.add(failure)) {
            return null;
        }
        Throwable cause = failure.getCause();
        if (cause == null && failure instanceof SQLException sql) {
            cause = sql.getNextException();
        }
        return new RedactedFailure(failure.getClass().getName() + ": " + messageOf(failure), failure,
                cause == null ? null : copy(cause, seen));
    }

    private static String messageOf(Throwable failure) {
        if (failure instanceof SQLException sql) {
            return "(message withheld: it may quote personal data) SQLState " + sql.getSQLState();
        }
        if (failure instanceof DataAccessException) {
            return "(message withheld: it may quote personal data)";
        }
        return failure.getMessage();
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
