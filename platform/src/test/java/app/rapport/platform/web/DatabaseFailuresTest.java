package app.rapport.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

/** Which failures, however deeply Axon wraps them, mean the database cannot be reached (503, not 500). */
class DatabaseFailuresTest {

    @Test
    void aDroppedConnectionUnderAnAxonExceptionIsUnreachable() {
        SQLException io = new SQLException("An I/O error occurred while sending to the backend.", "08006");

        assertThat(DatabaseFailures.isUnreachable(new IllegalStateException("Failed to read events", io))).isTrue();
    }

    @Test
    void aServerShuttingDownIsUnreachable() {
        assertThat(DatabaseFailures.isUnreachable(new RuntimeException(
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(DatabaseFailures.isUnreachable(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
    }

    @Test
    void aConnectionThePoolEvictedIsUnreachable() {
        assertThat(DatabaseFailures.isUnreachable(new RuntimeException("Failed to create a SQL statement",
                new SQLException(DatabaseFailures.EVICTED_CONNECTION)))).isTrue();
    }

    @Test
    void aPoolTimeoutIsUnreachable() {
        assertThat(DatabaseFailures.isUnreachable(new RuntimeException(
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
    }

    @Test
    void aRefusedStatementOrAProgrammingErrorIsNot() {
        assertThat(DatabaseFailures.isUnreachable(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseFailures.isUnreachable(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseFailures.isUnreachable(new IllegalStateException("a bug"))).isFalse();
    }
}
