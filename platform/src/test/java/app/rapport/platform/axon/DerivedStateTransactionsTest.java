package app.rapport.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import app.rapport.testsupport.TestDatabase;
import app.rapport.testsupport.TestDatabases;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** On a real PostgreSQL: a processor's transaction commits asynchronously, and only it. */
class DerivedStateTransactionsTest {

    private final TestDatabase database = TestDatabases.create();
    // one connection: what the processor's transaction set must not leak into the next user's
    private final DataSource dataSource = new SingleConnectionDataSource(
            database.url(), database.username(), database.password(), true);
    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    private final DerivedStateTransactions transactions = new DerivedStateTransactions(
            new SpringTransactionManager(new DataSourceTransactionManager(dataSource)), jdbc);

    @BeforeEach
    void aSessionThatWaitsForTheDisk() {
        // the tests' server does not wait for the disk by default; the app's does
        jdbc.execute("SET synchronous_commit TO on");
        jdbc.execute("CREATE TABLE derived (id int PRIMARY KEY)");
    }

    @Test
    void aProcessorsTransaction_commitsWithoutWaitingForTheDisk_andTheConnectionForgetsItAfterwards() {

        Transaction transaction = transactions.startTransaction();
        String during = synchronousCommit();
        jdbc.update("INSERT INTO derived VALUES (1)");
        transaction.commit();

        assertThat(during).isEqualTo("off");
        assertThat(synchronousCommit()).isEqualTo("on");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM derived", Integer.class)).isEqualTo(1);
    }

    @Test
    void aRolledBackTransaction_keepsNothing_andLeavesTheSettingAsItWas() {

        Transaction transaction = transactions.startTransaction();
        jdbc.update("INSERT INTO derived VALUES (1)");
        transaction.rollback();

        assertThat(synchronousCommit()).isEqualTo("on");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM derived", Integer.class)).isZero();
    }

    private String synchronousCommit() {
        return jdbc.queryForObject("SHOW synchronous_commit", String.class);
    }
}
