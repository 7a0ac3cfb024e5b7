package app.rapport.platform.privacy;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The subjects' keys and the list of erased subjects, in PostgreSQL ({@code subject_key},
 * {@code erased_subject}), with a short-lived cache in front of the keys.
 * <p>
 * With the keys beside the events, every statement joins the caller's transaction (JdbcTemplate
 * on the events' DataSource does), so a key created for an event is stored with the event or not
 * at all, and an erasure deletes the key with the event that records it. A key created in a
 * transaction is cached only once the transaction has committed: cached earlier, a rolled-back
 * key would go on encrypting values nobody could ever read. Until then the transaction keeps it
 * to itself.
 */
public class KeyStore implements Erasures, AutoCloseable {

    static final String AES = "AES";
    private static final int KEY_BYTES = 32;

    private final JdbcTemplate jdbc;
    private final KeyCache cache;
    private final SecureRandom random;
    private final String keys;
    private final String erased;
    private final AutoCloseable connections;

    /**
     * @param schema the schema of the two tables; empty for the connection's search path (the
     *        events' own schema by default)
     */
    public KeyStore(JdbcTemplate jdbc, String schema, KeyCache cache, SecureRandom random) {
        this(jdbc, schema, cache, random, null);
    }

    /** @param connections a pool of the key store's own, closed with it; null when it uses the events' */
    KeyStore(JdbcTemplate jdbc, String schema, KeyCache cache, SecureRandom random, AutoCloseable connections) {
        this.connections = connections;
        this.jdbc = jdbc;
        this.cache = cache;
        this.random = random;
        String prefix = schema == null || schema.isBlank() ? "" : quoted(schema) + ".";
        this.keys = prefix + "subject_key";
        this.erased = prefix + "erased_subject";
    }

    /** The subject's key to decrypt with; null when it has none (erased, or never had one). */
    SecretKey keyToRead(String subject) {
        SecretKey pending = pendingInThisTransaction(subject);
        if (pending != null) {
            return pending;
        }
        KeyCache.Known known = cache.get(subject);
        if (known != null) {
            return known.key();
        }
        SecretKey stored = storedKey(subject);
        cache.put(subject, stored);
        return stored;
    }

    /**
     * The subject's key to encrypt with, created on first use; null when the subject is erased,
     * whose values are then written as placeholders: an erased subject never gets a new key.
     */
    SecretKey keyToWrite(DataSubject subject) {
        String name = subject.name();
        SecretKey pending = pendingInThisTransaction(name);
        if (pending != null) {
            return pending;
        }
        KeyCache.Known known = cache.get(name);
        if (known != null && known.key() != null) {
            return known.key();
        }
        SecretKey stored = storedKey(name);
        if (stored != null) {
            cache.put(name, stored);
            return stored;
        }
        byte[] fresh = new byte[KEY_BYTES];
        random.nextBytes(fresh);
        int created = jdbc.update("INSERT INTO " + keys + " (subject, owner_id, key) SELECT ?, ?, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM " + erased + " WHERE subject = ?) ON CONFLICT (subject) DO NOTHING",
                name, subject.ownerId(), fresh, name);
        if (created == 1) {
            SecretKey key = new SecretKeySpec(fresh, AES);
            keepUntilCommitted(name, key);
            return key;
        }
        // another transaction created it meanwhile (now committed), or the subject is erased
        SecretKey theirs = storedKey(name);
        if (theirs != null) {
            cache.put(name, theirs);
        }
        return theirs;
    }

    @Override
    public void eraseContact(UUID contactId, String ownerId, Instant at) {
        erase(DataSubject.contactName(contactId), ownerId, at);
    }

    @Override
    public void eraseNetworker(String networkerId, Instant at) {
        erase(DataSubject.networkerName(networkerId), networkerId, at);
    }

    @Override
    public boolean isContactErased(UUID contactId) {
        return isErased(DataSubject.contactName(contactId));
    }

    @Override
    public boolean isNetworkerErased(String networkerId) {
        return isErased(DataSubject.networkerName(networkerId));
    }

    @Override
    public List<ErasedSubject> erased() {
        return jdbc.query("SELECT subject, owner_id, erased_at FROM " + erased + " ORDER BY erased_at, subject",
                (row, n) -> new ErasedSubject(DataSubject.contactIdIn(row.getString(1)), row.getString(2),
                        row.getTimestamp(3).toInstant()));
    }

    @Override
    public void close() throws Exception {
        if (connections != null) {
            connections.close();
        }
    }

    private void erase(String subject, String ownerId, Instant at) {
        jdbc.update("DELETE FROM " + keys + " WHERE subject = ?", subject);
        jdbc.update("INSERT INTO " + erased + " (subject, owner_id, erased_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (subject) DO NOTHING", subject, ownerId, Timestamp.from(at));
        cache.evict(subject);
        Map<String, SecretKey> pending = pendingKeys();
        if (pending != null) {
            pending.remove(subject);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a reader on another connection may cache the key again before this commits
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.evict(subject);
                }
            });
        }
    }

    private boolean isErased(String subject) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM " + erased + " WHERE subject = ?)", Boolean.class, subject));
    }

    private SecretKey storedKey(String subject) {
        List<byte[]> found = jdbc.query("SELECT key FROM " + keys + " WHERE subject = ?",
                (row, n) -> row.getBytes(1), subject);
        return found.isEmpty() ? null : new SecretKeySpec(found.get(0), AES);
    }

    private SecretKey pendingInThisTransaction(String subject) {
        Map<String, SecretKey> pending = pendingKeys();
        return pending == null ? null : pending.get(subject);
    }

    @SuppressWarnings("unchecked")
    private Map<String, SecretKey> pendingKeys() {
        return (Map<String, SecretKey>) TransactionSynchronizationManager.getResource(this);
    }

    private void keepUntilCommitted(String subject, SecretKey key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            cache.put(subject, key);
            return;
        }
        Map<String, SecretKey> pending = pendingKeys();
        if (pending == null) {
            Map<String, SecretKey> created = new HashMap<>();
            pending = created;
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResource(KeyStore.this);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(KeyStore.this, created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KeyStore.this);
                    if (status == STATUS_COMMITTED) {
                        created.forEach(cache::put);
                    }
                }
            });
        }
        pending.put(subject, key);
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
