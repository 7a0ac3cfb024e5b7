package app.rapport.platform.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;

import javax.crypto.SecretKey;

import app.rapport.events.Personal;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Encrypts personal values for the store and decrypts them back, with each subject's key from the
 * {@link KeyStore}. A value is encrypted as its JSON (a text with its quotes, a list as an array),
 * so any type reads back as it was written.
 */
public class PersonalData {

    /** Writes and reads the JSON inside a sealed value: texts and lists of texts, in practice. */
    static final ObjectMapper PLAIN = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final KeyStore keys;
    private final boolean encrypt;
    private final SecureRandom random;

    public PersonalData(KeyStore keys, boolean encrypt, SecureRandom random) {
        this.keys = keys;
        this.encrypt = encrypt;
        this.random = random;
    }

    /** Whether new writes are encrypted (always, but while a benchmark measures the cost). */
    public boolean encrypts() {
        return encrypt;
    }

    /** The value's JSON sealed with the subject's key, created if need be; null when the subject is erased. */
    String seal(DataSubject subject, byte[] json) {
        SecretKey key = keys.keyToWrite(subject);
        return key == null ? null : Sealed.seal(subject.name(), key, json, random);
    }

    /**
     * The JSON inside a sealed value; null when its subject's key is gone (erased).
     *
     * @throws IllegalArgumentException when it is not a sealed value, or was altered
     */
    byte[] open(String sealed) {
        String subject = Sealed.subjectOf(sealed);
        if (subject == null) {
            throw new IllegalArgumentException("Not an encrypted personal value: it names no subject");
        }
        SecretKey key = keys.keyToRead(subject);
        return key == null ? null : Sealed.open(sealed, subject, key);
    }

    /**
     * A personal text as stored in an event's JSON, read as the event reads it: decrypted,
     * {@link Personal#ERASED} once its subject is erased, or as it is when stored in plain text.
     * For code that reads stored payloads without the event serializer (SQL over the store).
     */
    public String readText(String stored) {
        if (stored == null || !Sealed.isSealed(stored)) {
            return stored;
        }
        byte[] json = open(stored);
        if (json == null) {
            return Personal.ERASED;
        }
        try {
            return PLAIN.readValue(json, String.class);
        } catch (IOException e) {
            throw new UncheckedIOException("An encrypted personal value is not a text", e);
        }
    }
}
