package app.rapport.platform.privacy;

import javax.sql.DataSource;

import app.rapport.testsupport.TestDatabase;
import app.rapport.testsupport.TestDatabases;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** A fresh database with the event store's migrations, as both sides have it, for one test class. */
final class EventStoreDatabase {

    final TestDatabase database = TestDatabases.create();
    final DataSource dataSource = new DriverManagerDataSource(database.url(), database.username(), database.password());
    final JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    final TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

    EventStoreDatabase() {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/eventstore").load().migrate();
    }
}
