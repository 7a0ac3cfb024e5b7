package app.rapport.platform.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

/**
 * Which instances run a processor, counted by PostgreSQL itself: each instance holds one session
 * advisory lock per processor it runs, keyed (processor, instance), on a connection of its own.
 * The lock goes when the session does, so a replica that stops or is killed stops being counted
 * as soon as the database sees its connection close, without a table to clean up or a clock to
 * trust. A replica that holds no segment is counted too, which the token store cannot do.
 */
final class ReplicaPresence implements AutoCloseable {

    private static final String COUNT = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
            + " AND objsubid = 2 AND classid::bigint = ?"
            + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";

    private final DataSource dataSource;
    private final Set<String> processors = new LinkedHashSet<>();
    private int instance = newInstanceKey();
    private Connection session;

    ReplicaPresence(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The instances running this processor, this one included; announces this one first if needed. */
    synchronized int liveInstances(String processor) throws SQLException {
        Connection connection = session();
        if (processors.add(processor)) {
            try {
                announce(connection, processor);
            } catch (SQLException e) {
                processors.remove(processor);
                throw e;
            }
        }
        try (PreparedStatement count = connection.prepareStatement(COUNT)) {
            count.setLong(1, key(processor));
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            try {
                session.close();
            } catch (SQLException ignored) {
                // the locks go with the session either way
            }
            session = null;
        }
    }

    /** The held session, opened again (with every lock taken again) after the database dropped it. */
    private Connection session() throws SQLException {
        if (session != null && session.isValid(2)) {
            return session;
        }
        close();
        Connection fresh = dataSource.getConnection();
        try {
            fresh.setAutoCommit(true);
            for (String processor : processors) {
                announce(fresh, processor);
            }
        } catch (SQLException e) {
            fresh.close();
            throw e;
        }
        session = fresh;
        return fresh;
    }

    private void announce(Connection connection, String processor) throws SQLException {
        while (!tryLock(connection, processor)) {
            // another live instance drew the same key: draw again, and hold every processor under it
            instance = newInstanceKey();
            try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock_all()")) {
                unlock.execute();
            }
            for (String held : processors) {
                if (!held.equals(processor)) {
                    tryLock(connection, held);
                }
            }
        }
    }

    private boolean tryLock(Connection connection, String processor) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, key(processor));
            lock.setInt(2, instance);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    /** Positive, so pg_locks' unsigned {@code classid} reads back the same number. */
    private static int key(String processor) {
        return ("rapport-processor:" + processor).hashCode() & Integer.MAX_VALUE;
    }

    private static int newInstanceKey() {
        return ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
    }
}
