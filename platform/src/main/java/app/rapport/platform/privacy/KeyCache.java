package app.rapport.platform.privacy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import javax.crypto.SecretKey;

/**
 * The subjects' keys recently read, so that encrypting or decrypting a value costs no query. An
 * entry lives for a short time only: another replica's erasure deletes the key in the database,
 * and this replica must stop decrypting with its copy soon after. A local erasure evicts at once.
 * Bounded, least recently used first out, so a replay over every contact of a large store keeps
 * memory flat. A subject known to have no key is remembered too (as a null key), so a replay of
 * an erased contact's events asks the database once per subject, not once per value.
 */
final class KeyCache {

    /** What the cache knows of a subject: its key, or that it has none (null). */
    record Known(SecretKey key) {
    }

    private record Entry(SecretKey key, long expiresAt) {
    }

    private final int maxEntries;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> entries;

    KeyCache(int maxEntries, Duration ttl) {
        this(maxEntries, ttl, System::nanoTime);
    }

    KeyCache(int maxEntries, Duration ttl, LongSupplier nanoTime) {
        if (maxEntries < 1 || ttl.isNegative()) {
            throw new IllegalArgumentException("A key cache holds at least one key for a time that is not negative");
        }
        this.maxEntries = maxEntries;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
        this.entries = new LinkedHashMap<>(Math.min(maxEntries, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > KeyCache.this.maxEntries;
            }
        };
    }

    /** What is known of the subject, or null when nothing is (never seen, evicted or expired). */
    synchronized Known get(String subject) {
        Entry entry = entries.get(subject);
        if (entry == null) {
            return null;
        }
        if (nanoTime.getAsLong() - entry.expiresAt >= 0) {
            entries.remove(subject);
            return null;
        }
        return new Known(entry.key);
    }

    /** Remembers the subject's key, or with null that it has none. */
    synchronized void put(String subject, SecretKey key) {
        if (ttlNanos > 0) {
            entries.put(subject, new Entry(key, nanoTime.getAsLong() + ttlNanos));
        }
    }

    synchronized void evict(String subject) {
        entries.remove(subject);
    }

    synchronized int size() {
        return entries.size();
    }
}
