package app.rapport.query.support;

import java.util.List;
import java.util.function.Function;

import app.rapport.platform.PracticeSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A read model as {@link JournalAsOf} builds it for a moment: the tables its projection writes and
 * its queries read, and how to make a new instance of that projection and of its query class from
 * what the engine hands them. Each read-model package declares its own (e.g.
 * {@code ContactsAsOf.READ_MODEL}), since its projection and query class are package-private.
 *
 * @param name what the read model is called in errors and logs
 * @param tables every table the projection writes: the engine gives the fold an empty private copy
 *        of each; a table left out is not found in the fold (unless another read model's copy of
 *        it is on the connection, empty too), never read or written live
 * @param projection a new projection on the parts; its annotated handlers are what the engine calls
 * @param queries the read model's query class on the parts
 * @param <Q> the read model's query class
 */
public record AsOfReadModel<Q>(String name, List<String> tables, Function<Parts, Object> projection,
                               Function<Parts, Q> queries) {

    public AsOfReadModel {
        tables = List.copyOf(tables);
        for (String table : tables) {
            if (!table.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("Not a table name: " + table);
            }
        }
    }

    /**
     * What a projection or a query class is made of in a fold: the fold's one connection (as a
     * template for the projections' batched writes, as a client for the queries), the practice's
     * settings, and the re-derivation of corrections from the events being folded.
     */
    public record Parts(JdbcTemplate jdbc, JdbcClient client, PracticeSettings practice, Rederivation rederivation) {
    }
}
