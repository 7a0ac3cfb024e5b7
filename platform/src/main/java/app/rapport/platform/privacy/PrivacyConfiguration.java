package app.rapport.platform.privacy;

import java.security.SecureRandom;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Personal data encrypted at rest per data subject, and erasure by deleting the subject's key
 * (crypto-shredding), for both sides: the key store, and the {@link Erasures} port on it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
public class PrivacyConfiguration {

    /** One key store per process: its cache is what a local erasure evicts. */
    @Bean
    KeyStore keyStore(JdbcTemplate jdbc, PrivacyProperties properties) {
        PrivacyProperties.KeyCacheSettings cache = properties.keyCache();
        return new KeyStore(jdbc, properties.keys().schema(), new KeyCache(cache.maxEntries(), cache.ttl()),
                new SecureRandom());
    }
}
