package app.rapport.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.BatchUpdateException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class RedactedFailureTest {

    private static final String PERSONAL = "ada.lovelace@example.org";

    @Test
    void aDatabaseFailure_isLoggedWithoutTheValuesItQuotes_withItsClassesSqlStateAndFrames() {
        SQLException server = new SQLException("ERROR: duplicate key value violates unique constraint"
                + " Detail: Key (email)=(" + PERSONAL + ") already exists.", "23505");
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO contact VALUES ('"
                + PERSONAL + "') was aborted", "23505", new int[0]);
        batch.setNextException(server);
        IllegalStateException failure = new IllegalStateException("Projection failed",
                new DataIntegrityViolationException("PreparedStatementCallback; " + PERSONAL, batch));

        String logged = printed(RedactedFailure.of(failure));

        assertThat(logged).doesNotContain(PERSONAL)
                .contains("java.lang.IllegalStateException: Projection failed",
                        "org.springframework.dao.DataIntegrityViolationException",
                        "java.sql.BatchUpdateException", "SQLState 23505",
                        "RedactedFailureTest.aDatabaseFailure_isLoggedWithoutTheValuesItQuotes");
    }

    @Test
    void aFailureWithoutADatabaseError_keepsItsMessage() {
        assertThat(printed(RedactedFailure.of(new IllegalArgumentException("no such view"))))
                .contains("java.lang.IllegalArgumentException: no such view");
    }

    private static String printed(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
