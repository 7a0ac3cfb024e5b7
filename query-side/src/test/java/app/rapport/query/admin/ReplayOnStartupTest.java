package app.rapport.query.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import app.rapport.events.contact.ContactAdded;
import app.rapport.query.QuerySideApplication;
import app.rapport.testsupport.TestDatabase;
import app.rapport.testsupport.TestDatabases;
import app.rapport.values.ContactDetails;
import app.rapport.values.ContactSource;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code --rapport.replay=<processor>} at start-up rebuilds that read model from the first event:
 * rows lost from its table come back, while a processor not named stays where its token is.
 */
class ReplayOnStartupTest {

    @Test
    void theNamedReadModelIsRebuiltAtStartUpAndTheOthersAreLeftAlone() {
        TestDatabase database = TestDatabases.create();
        UUID contact = UUID.randomUUID();

        try (ConfigurableApplicationContext first = start(database)) {
            first.getBean(TransactionTemplate.class).executeWithoutResult(status -> first.getBean(EventStore.class)
                    .publish(new GenericDomainEventMessage<>("Contact", contact.toString(), 0, new ContactAdded(
                            contact, "replayer", new ContactDetails("Kept", null, null, null, null, null, null, null,
                            null), ContactSource.COLD, null, 60, Instant.parse("2026-01-01T00:00:00Z")))));
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            await(() -> rows(jdbc, "audit_entry") == 1 && rows(jdbc, "contact") == 1);
            // a read model that lost its rows, say to a faulty projection release
            jdbc.update("DELETE FROM audit_entry");
            jdbc.update("DELETE FROM contact");
        }

        try (ConfigurableApplicationContext second = start(database, "--rapport.replay=audit")) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            await(() -> rows(jdbc, "audit_entry") == 1);
            assertThat(rows(jdbc, "contact")).isZero();
        }
    }

    private static ConfigurableApplicationContext start(TestDatabase database, String... extra) {
        List<String> arguments = new ArrayList<>(List.of("--rapport.test-database=off",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--server.port=0"));
        arguments.addAll(List.of(extra));
        return new SpringApplicationBuilder(QuerySideApplication.class).run(arguments.toArray(String[]::new));
    }

    private static int rows(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }

    private static void await(BooleanSupplier condition) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(condition::getAsBoolean);
    }
}
