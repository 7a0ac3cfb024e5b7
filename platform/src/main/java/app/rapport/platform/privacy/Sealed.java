package app.rapport.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * One personal value as it is kept at rest: {@code encrypted:v1:<subject>:<Base64 of IV and
 * ciphertext>}. It names its subject, so reading it needs no context (not even the event it sits
 * in), and a person looking at the store sees whose it is without seeing what it says. AES-GCM
 * with a fresh 12-byte IV per value; the subject is the associated data, so a value copied into
 * another subject's event does not decrypt.
 */
final class Sealed {

    static final String PREFIX = "encrypted:v1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();
    // a Cipher is not thread-safe, and getInstance looks up the provider each time
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK has no " + TRANSFORMATION, e);
        }
    });

    private Sealed() {
    }

    static boolean isSealed(String stored) {
        return stored.startsWith(PREFIX);
    }

    /** The subject a sealed value names, or null when the text only looks sealed. */
    static String subjectOf(String sealed) {
        int end = sealed.lastIndexOf(':');
        return end <= PREFIX.length() ? null : sealed.substring(PREFIX.length(), end);
    }

    static String seal(String subject, SecretKey key, byte[] plaintext, SecureRandom random) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = new byte[IV_BYTES + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(iv, 0, sealed, 0, IV_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, sealed, IV_BYTES);
            return PREFIX + subject + ':' + BASE64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a personal value of " + subject, e);
        }
    }

    /**
     * The plaintext of a sealed value.
     *
     * @throws IllegalArgumentException when the value is malformed, or was not sealed with this
     *         key for this subject (altered, or moved from another subject's event)
     */
    static byte[] open(String sealed, String subject, SecretKey key) {
        byte[] bytes;
        try {
            bytes = BASE64_DECODER.decode(sealed.substring(PREFIX.length() + subject.length() + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A personal value of " + subject + " is not valid Base64", e);
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("A personal value of " + subject + " is too short to be encrypted");
        }
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("A personal value of " + subject
                    + " does not match its key: altered, or copied from another subject", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt a personal value of " + subject, e);
        }
    }
}
