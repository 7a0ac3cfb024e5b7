package app.rapport.query.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.stereotype.Component;

/**
 * Connections of their own on which the read-model tables have empty private copies, for
 * {@link JournalAsOf} to fold into. A copy is a temporary table of the live table's name
 * ({@code CREATE TEMP TABLE t (LIKE t INCLUDING DEFAULTS INCLUDING INDEXES)}); PostgreSQL looks
 * unqualified names up in the session's temporary schema first, so on these connections the
 * projections' and the queries' own SQL, which never names a schema, reads and writes the copies.
 * <p>
 * The connections come from a small pool beside the application's, built from the same settings,
 * and nothing else ever uses them: a connection that has copies must never serve a live read or a
 * projection's write, which the copies would capture. The copies are made once per connection
 * (creating them per query was measured at about two thirds of a query's time: every temporary
 * table, its indexes and its TOAST table are rows in the system catalogs), and each use of them is
 * a transaction that is always rolled back, so the next use finds them empty; the rows it leaves
 * behind as dead tuples are truncated away once {@link #EVENTS_PER_TRUNCATE} events have been
 * folded on the connection, or after {@link #USES_PER_TRUNCATE} uses, whichever comes first, since
 * autovacuum never visits temporary tables, every insert checks each dead version of its key still
 * in the index, and a sequential scan reads every dead row. Emptying them at every commit
 * ({@code ON COMMIT DELETE ROWS}) instead was measured three times slower than creating them:
 * truncating rebuilds every index and updates the catalogs too.
 */
@Component
class TableCopies {

    /** Folds at once; more would only wait for the CPU, and each holds a connection while it runs. */
    static final int CONNECTIONS = 4;
    /**
     * Dead rows a connection's copies may hold before they are truncated, counted in the events
     * folded into them (about 3.4 rows each): some 7 MB, about what PostgreSQL keeps of temporary
     * tables in memory ({@code temp_buffers}, 8 MB by default). The uses bound the tiny journals:
     * emptying every 10 uses cost more than it saved for journals of a few hundred events.
     * <p>
     * Truncated, not vacuumed: a vacuum of rolled-back copies records them as holding no rows
     * ({@code reltuples} 0, where a copy never vacuumed says unknown and the planner counts its
     * pages), so every later question was planned for empty tables (a join of two copies became a
     * nested loop of sequential scans, quadratic in the journal). A truncation gives each copy a new,
     * empty file and its statistics back to unknown. It costs more than the vacuum did (by hand, on
     * the 18 copies holding three writers' rows of the bench: 15-19 ms against 6.4-8.1 ms), which
     * is a tenth of a millisecond a question at most, and one asOf client asked as many questions a
     * second with either (44-67 against 53-70 over four runs each, four clients 133-144 against
     * 119-152: the noise of this machine).
     */
    static final int EVENTS_PER_TRUNCATE = 20_000;
    static final int USES_PER_TRUNCATE = 100;

    private final DataSource live;
    /** The schema of the live tables, which the copies are made like. */
    private String liveSchema;
    /** What each connection keeps, by physical connection: the pool's proxies change with every use. */
    private final Map<Connection, Session> sessions = new HashMap<>();
    private HikariDataSource pool;

    TableCopies(DataSource live) {
        this.live = live;
    }

    /**
     * One connection with copies, as its user sees it while it has it: the connection (physical,
     * the same at every use) and what the user keeps with it from one use to the next.
     */
    static final class Session {

        private final JdbcTemplate jdbc;
        private final Set<String> tables = new HashSet<>();
        private final Map<Object, Object> kept = new HashMap<>();
        private int uses;
        private long eventsFolded;

        private Session(Connection physical) {
            this.jdbc = new JdbcTemplate(new SingleConnectionDataSource(physical, true));
        }

        JdbcTemplate jdbc() {
            return jdbc;
        }

        /** Counts the events folded into the copies in this use, whose rows the rollback leaves dead. */
        void folded(int events) {
            eventsFolded += events;
        }

        /** What the user keeps under {@code key} with this connection, made on first use. */
        @SuppressWarnings("unchecked")
        <V> V kept(Object key, Supplier<V> make) {
            return (V) kept.computeIfAbsent(key, ignored -> make.get());
        }
    }

    /**
     * Runs {@code work} on a connection whose copies of {@code tables} are empty, in a transaction
     * in which unqualified names are the copies alone (the connections' search path is the
     * temporary schema only: a table no read model has copied is not found, rather than read or
     * written live; one another read model copied earlier on the connection is that copy, empty
     * too) and which is read-only (the connections are: writing a temporary table is still
     * allowed, writing any other is refused, even one named with its schema). The transaction is
     * rolled back, whatever {@code work} did.
     */
    <T> T inCopies(Collection<String> tables, Function<Session, T> work) {
        try (Connection connection = pool().getConnection()) {
            Session session = prepare(connection, tables);
            // a read-only connection: the driver begins the transaction READ ONLY with its first statement
            connection.setAutoCommit(false);
            try {
                return work.apply(session);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
                session.uses++;
            }
        } catch (SQLException e) {
            throw new SQLExceptionSubclassTranslator().translate("Folding into table copies", null, e);
        }
    }

    /** Makes the copies the connection lacks, and truncates them when it is time, outside any transaction. */
    private Session prepare(Connection connection, Collection<String> tables) throws SQLException {
        Session session;
        Connection physical = connection.unwrap(Connection.class);
        synchronized (sessions) {
            session = sessions.get(physical);
            if (session == null) {
                // a connection the pool has retired is closed: forget what it kept
                sessions.keySet().removeIf(TableCopies::isClosed);
                session = new Session(physical);
                sessions.put(physical, session);
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                if (!session.tables.contains(table)) {
                    statement.execute("CREATE TEMP TABLE IF NOT EXISTS " + table + " (LIKE " + liveSchema + "."
                            + table + " INCLUDING DEFAULTS INCLUDING INDEXES)");
                    session.tables.add(table);
                }
            }
            if (session.uses >= USES_PER_TRUNCATE || session.eventsFolded >= EVENTS_PER_TRUNCATE) {
                statement.execute("TRUNCATE " + String.join(", ", session.tables.stream().map(t -> "pg_temp." + t)
                        .toList()));
                session.uses = 0;
                session.eventsFolded = 0;
            }
        }
        return session;
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private synchronized HikariDataSource pool() throws SQLException {
        if (pool == null) {
            if (!live.isWrapperFor(HikariDataSource.class)) {
                throw new IllegalStateException("The journal as of a moment needs a Hikari pool to build its own beside");
            }
            try (Connection connection = live.getConnection(); Statement statement = connection.createStatement();
                 var schema = statement.executeQuery("SELECT quote_ident(current_schema())")) {
                schema.next();
                liveSchema = schema.getString(1);
            }
            HikariConfig config = new HikariConfig();
            live.unwrap(HikariDataSource.class).copyStateTo(config);
            config.setPoolName("rapport-asof");
            config.setMaximumPoolSize(CONNECTIONS);
            config.setMinimumIdle(0);
            config.setIdleTimeout(60_000);
            config.setAutoCommit(true);
            // every transaction read-only, and an unqualified name a copy or nothing, for the connection's life
            config.setReadOnly(true);
            config.setConnectionInitSql("SET search_path TO pg_temp");
            config.setInitializationFailTimeout(-1);
            pool = new HikariDataSource(config);
        }
        return pool;
    }

    @PreDestroy
    synchronized void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
