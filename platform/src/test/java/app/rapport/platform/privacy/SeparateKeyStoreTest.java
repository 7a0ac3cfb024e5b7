package app.rapport.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import app.rapport.testsupport.TestDatabase;
import app.rapport.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Keys kept apart from the events, so a copy of the events alone holds nothing personal: in a
 * schema of their own (created, and migrated by a Flyway history of its own), or in another
 * database; the events' own key tables stay empty.
 */
class SeparateKeyStoreTest {

    static final EventStoreDatabase events = new EventStoreDatabase();

    @Test
    void keysInASchemaOfTheirOwn_areKeptThere_andNotBesideTheEvents() throws Exception {
        DataSubject contact = DataSubject.contact(UUID.randomUUID(), "ada");

        try (KeyStore keys = new PrivacyConfiguration().keyStore(events.jdbc, settings(new PrivacyProperties.Keys(
                "rapport_keys", "", "", "")))) {
            keys.keyToWrite(contact);
            keys.eraseNetworker("ada", Instant.parse("2026-11-30T10:00:00Z"));
        }

        assertThat(events.jdbc.queryForObject("SELECT count(*) FROM rapport_keys.subject_key WHERE subject = ?",
                Integer.class, contact.name())).isEqualTo(1);
        assertThat(events.jdbc.queryForObject("SELECT count(*) FROM rapport_keys.erased_subject", Integer.class))
                .isEqualTo(1);
        assertThat(events.jdbc.queryForObject("SELECT count(*) FROM public.subject_key", Integer.class)).isZero();
        assertThat(events.jdbc.queryForObject("SELECT count(*) FROM public.erased_subject", Integer.class)).isZero();
    }

    @Test
    void keysInAnotherDatabase_areKeptThere() throws Exception {
        TestDatabase other = TestDatabases.create();
        DataSubject contact = DataSubject.contact(UUID.randomUUID(), "ada");

        try (KeyStore keys = new PrivacyConfiguration().keyStore(events.jdbc, settings(new PrivacyProperties.Keys(
                "", other.url(), other.username(), other.password())))) {
            keys.keyToWrite(contact);
            assertThat(keys.keyToRead(contact.name())).isNotNull();
        }

        JdbcTemplate otherJdbc = new JdbcTemplate(new DriverManagerDataSource(other.url(), other.username(),
                other.password()));
        assertThat(otherJdbc.queryForObject("SELECT count(*) FROM subject_key WHERE subject = ?", Integer.class,
                contact.name())).isEqualTo(1);
        assertThat(events.jdbc.queryForObject("SELECT count(*) FROM subject_key WHERE subject = ?", Integer.class,
                contact.name())).isZero();
    }

    private static PrivacyProperties settings(PrivacyProperties.Keys keys) {
        return new PrivacyProperties(true, new PrivacyProperties.KeyCacheSettings(100, Duration.ofSeconds(30)), keys,
                new PrivacyProperties.Migration(true, 500));
    }
}
