package app.rapport.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.events.interview.InterviewHeld;
import app.rapport.platform.axon.AxonStorageConfiguration;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The privacy beans as both sides get them: the {@link Erasures} port on the key store, and
 * encryption on the event store's mapper only, never on the web layer's (Spring Boot hands every
 * Jackson module bean to its own mapper).
 */
class PrivacyConfigurationTest {

    static final EventStoreDatabase db = new EventStoreDatabase();

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withUserConfiguration(PrivacyConfiguration.class)
            .withBean(JdbcTemplate.class, () -> db.jdbc)
            .withBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(db.dataSource))
            .withBean(EventSchema.class, EventSchema::new)
            .withBean(DeadLetterSchema.class, DeadLetterSchema::defaultSchema);

    @Test
    void theErasuresPort_isTheKeyStore() {
        context.run(app -> assertThat(app.getBean(Erasures.class)).isSameAs(app.getBean(KeyStore.class)));
    }

    @Test
    void onlyTheEventStoresMapper_encrypts() {
        PersonalSamples samples = new PersonalSamples();
        Object held = samples.withMarker(InterviewHeld.class, "marker");

        context.run(app -> {
            ObjectMapper web = app.getBean(ObjectMapper.class);
            ObjectMapper events = new AxonStorageConfiguration().defaultAxonObjectMapper(app.getBean(PersonalData.class));

            assertThat(web.writeValueAsString(held)).contains("marker notes");
            assertThat(events.writeValueAsString(held)).doesNotContain("marker").contains("encrypted:v1:");
        });
    }
}
