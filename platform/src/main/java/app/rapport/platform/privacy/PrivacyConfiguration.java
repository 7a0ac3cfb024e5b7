package app.rapport.platform.privacy;

import java.security.SecureRandom;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal data encrypted at rest per data subject, and erasure by deleting the subject's key
 * (crypto-shredding), for both sides: the key store with the {@link Erasures} port on it, what
 * the event store's mapper encrypts with, and the one-time encryption of events stored in plain
 * text.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
public class PrivacyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PrivacyConfiguration.class);

    /**
     * One key store per process: its cache is what a local erasure evicts. Beside the events (the
     * default) it works on their connection and transaction; in a schema of its own it still does,
     * on tables its own Flyway history keeps; in another database it has a small pool of its own.
     */
    @Bean
    KeyStore keyStore(JdbcTemplate jdbc, PrivacyProperties properties) {
        PrivacyProperties.Keys keys = properties.keys();
        JdbcTemplate keysJdbc = jdbc;
        HikariDataSource own = null;
        if (keys.separate()) {
            own = keys.url().isEmpty() ? null : keyDataSource(keys);
            DataSource dataSource = own != null ? own : jdbc.getDataSource();
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/keystore")
                    .schemas(keys.schema().isEmpty() ? "public" : keys.schema())
                    .createSchemas(true)
                    .load()
                    .migrate();
            keysJdbc = new JdbcTemplate(dataSource);
            log.info("Rapport keeps the keys of personal data apart from the events: {}{}",
                    keys.url().isEmpty() ? "in the events' database" : "in " + keys.url(),
                    keys.schema().isEmpty() ? "" : ", schema " + keys.schema());
        }
        PrivacyProperties.KeyCacheSettings cache = properties.keyCache();
        return new KeyStore(keysJdbc, keys.schema(), new KeyCache(cache.maxEntries(), cache.ttl()),
                new SecureRandom(), own);
    }

    /**
     * What the event store's mapper encrypts with. Its {@link PersonalDataModule} is made there
     * ({@code defaultAxonObjectMapper}) and is deliberately not a bean: Spring Boot registers every
     * {@code Module} bean on the web layer's mapper too, which would encrypt personal data in HTTP
     * answers and refuse it outside events.
     */
    @Bean
    PersonalData personalData(KeyStore keys, PrivacyProperties properties) {
        return new PersonalData(keys, properties.encrypt(), new SecureRandom());
    }

    @Bean
    PlaintextEncryption plaintextEncryption(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                            PersonalData personalData, EventSchema events,
                                            DeadLetterSchema deadLetters, PrivacyProperties properties) {
        return new PlaintextEncryption(jdbc, new TransactionTemplate(transactions), personalData, events, deadLetters,
                properties.migration());
    }

    private static HikariDataSource keyDataSource(PrivacyProperties.Keys keys) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("rapport-keys");
        config.setJdbcUrl(keys.url());
        config.setUsername(keys.username());
        config.setPassword(keys.password());
        // a key is read once per subject per cache lifetime: a few connections serve every thread
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(5000);
        return new HikariDataSource(config);
    }
}
