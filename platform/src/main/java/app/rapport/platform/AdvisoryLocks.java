package app.rapport.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Keys for PostgreSQL's advisory locks ({@code pg_advisory_xact_lock(bigint)}), one per name: the
 * first eight bytes of the name's SHA-256, so two kinds of work (imports of one owner, erasures,
 * the one-time encryption) never take each other's lock by accident, and every replica derives
 * the same key from the same name.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    public static long key(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                key = key << 8 | (digest[i] & 0xFF);
            }
            return key;
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }
}
