package app.rapport.platform.axon;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon when an append lost a race: PostgreSQL reports a taken (aggregate_identifier,
 * sequence_number) as SQLState 23505, which Axon's default JDBC resolver does not recognize (it only
 * knows {@code SQLIntegrityConstraintViolationException}, which pgjdbc never throws). Recognized,
 * the loser gets {@code ConcurrencyException} (or {@code AggregateStreamCreationException} for a
 * first event) instead of a generic {@code EventStoreException}, so two instances writing one
 * aggregate answer 409 rather than 500, and a create racing its own retry is answered as a repeat.
 */
class DuplicateKeyResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> toCheck = new ArrayDeque<>();
        toCheck.add(exception);
        while (!toCheck.isEmpty()) {
            Throwable error = toCheck.pop();
            if (!seen.add(error)) {
                continue;
            }
            if (error instanceof SQLException sql) {
                if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
                // a batch insert reports the failing statement's error as its "next" exception
                if (sql.getNextException() != null) {
                    toCheck.add(sql.getNextException());
                }
            }
            if (error.getCause() != null) {
                toCheck.add(error.getCause());
            }
        }
        return false;
    }
}
