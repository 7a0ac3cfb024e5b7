package app.rapport.query.support;

import java.util.Collection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

/**
 * How the rows of one read-model table are written: one statement, sent as one JDBC batch for
 * every row a batch of events changed. JdbcClient has no batch statements, hence JdbcTemplate.
 *
 * @param sql an {@code INSERT INTO table (columns…) …} whose column list names every column of the
 *        table (the schema tests hold it to that)
 * @param values binds one row to the statement's parameters, in the order of that column list
 */
public record Upsert<T>(String sql, ParameterizedPreparedStatementSetter<T> values) {

    /** Writes every row in one batched statement; nothing at all for none. */
    public void write(JdbcTemplate jdbc, Collection<T> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows, rows.size(), values);
        }
    }
}
