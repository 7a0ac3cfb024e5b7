package app.rapport.platform.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

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

    /**
     * Values decrypted lately, by their stored text. Every event processor deserializes every event
     * itself — nine of them in the standalone app, each a moment after the other — so a value was
     * decrypted nine times. A value is answered from here only while its subject's key is still
     * readable, so an erasure is seen exactly as without it; what it holds of an erased subject is
     * never answered again and goes as newer values push it out.
     */
    private static final int OPENED = 4_096;

    private final KeyStore keys;
    private final boolean encrypt;
    private final SecureRandom random;
    private final Map<String, byte[]> opened = new LinkedHashMap<>(OPENED * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > OPENED;
        }
    };

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
        if (key == null) {
            return null;
        }
        synchronized (opened) {
            byte[] json = opened.get(sealed);
            if (json != null) {
                return json;
            }
        }
        byte[] json = Sealed.open(sealed, subject, key);
        synchronized (opened) {
            opened.put(sealed, json);
        }
        return json;
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
