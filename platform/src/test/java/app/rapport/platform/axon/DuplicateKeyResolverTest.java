package app.rapport.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** Which storage failures Axon is told are a lost race for a sequence number (the rest stay errors). */
class DuplicateKeyResolverTest {

    final DuplicateKeyResolver resolver = new DuplicateKeyResolver();

    @Test
    void aUniqueViolationReportedAsTheNextExceptionOfABatchIsADuplicateKey() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO domain_event_entry …",
                "23505", new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));

        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("append failed", batch))).isTrue();
    }

    @Test
    void aUniqueViolationDeepInTheCauseChainIsADuplicateKey() {
        SQLException unique = new SQLException("duplicate key", "23505");

        assertThat(resolver.isDuplicateKeyViolation(
                new RuntimeException(new IllegalStateException(new SQLException("batch failed", "XX000", unique)))))
                .isTrue();
    }

    @Test
    void otherDatabaseFailuresAreNotDuplicateKeys() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("connection refused", "08001"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("not null violated", "23502"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("no SQL at all"))).isFalse();
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        SQLException first = new SQLException("first", "08006");
        SQLException second = new SQLException("second", "08006");
        first.setNextException(second);
        second.setNextException(first);

        assertThat(resolver.isDuplicateKeyViolation(first)).isFalse();
    }
}
