package app.rapport.platform.privacy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How personal data is kept at rest, with the defaults in one place.
 *
 * @param encrypt whether new writes encrypt personal values; off only so a benchmark can measure
 *        what encryption costs, since every value written meanwhile stays readable to anyone with
 *        the database. Reads accept both forms either way
 * @param keyCache how keys are cached in each process
 * @param keys where the keys and the list of erased subjects are kept
 * @param migration the one-time encryption of events stored before personal data was encrypted
 */
@ConfigurationProperties("rapport.privacy")
public record PrivacyProperties(
        @DefaultValue("true") boolean encrypt,
        @DefaultValue KeyCacheSettings keyCache,
        @DefaultValue Keys keys,
        @DefaultValue Migration migration) {

    /**
     * @param maxEntries the most keys held; beyond it the least recently used goes first. An entry
     *        is a 32-byte key and a subject name: 10 000 come to roughly 2 to 3 MB (estimated)
     * @param ttl how long a key is used from memory: an erasure on another replica takes effect
     *        here within this time (on this replica at once)
     */
    public record KeyCacheSettings(
            @DefaultValue("10000") int maxEntries,
            @DefaultValue("30s") Duration ttl) {

        public KeyCacheSettings {
            if (maxEntries < 1) {
                throw new IllegalArgumentException("rapport.privacy.key-cache.max-entries must be at least 1");
            }
            if (ttl.isNegative() || ttl.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("rapport.privacy.key-cache.ttl must be between 0 and 10m, got " + ttl);
            }
        }
    }

    /**
     * By default the keys live beside the events, in their schema and transactions. Elsewhere, a
     * backup of the events alone restores no personal data.
     *
     * @param schema a schema of their own (in the events' database unless {@code url} names
     *        another); created when missing. Empty: the events' schema
     * @param url a JDBC URL of another PostgreSQL database for the keys; empty: the events' database
     * @param username who connects to {@code url}
     * @param password the password for {@code url}
     */
    public record Keys(
            @DefaultValue("") String schema,
            @DefaultValue("") String url,
            @DefaultValue("") String username,
            @DefaultValue("") String password) {

        public Keys {
            if (!schema.isEmpty() && !schema.matches("[a-z_][a-z0-9_]{0,62}")) {
                throw new IllegalArgumentException(
                        "rapport.privacy.keys.schema must be a lower-case PostgreSQL identifier, got " + schema);
            }
        }

        /** Whether the keys are kept apart from the events (and so outside their transactions, with a URL). */
        public boolean separate() {
            return !schema.isEmpty() || !url.isEmpty();
        }

        @Override
        public String toString() {
            return "Keys[schema=" + schema + ", url=" + url + ", username=" + username + "]";
        }
    }

    /**
     * @param enabled whether events stored in plain text are encrypted at start-up
     * @param chunkSize how many stored events one transaction of the migration reads and rewrites
     */
    public record Migration(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("500") int chunkSize) {

        public Migration {
            if (chunkSize < 1) {
                throw new IllegalArgumentException("rapport.privacy.migration.chunk-size must be at least 1");
            }
        }
    }
}
