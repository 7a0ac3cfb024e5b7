package app.rapport.platform.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import app.rapport.events.Personal;
import app.rapport.platform.AdvisoryLocks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings an event store written before personal data was encrypted over, once, at start-up: the
 * personal values of every stored event and dead letter that holds them in plain text are
 * encrypted in place, with their subjects' keys. The facts stay as they were (ids, positions,
 * types, times, every other property); only how the personal values are kept changes. A subject
 * erased meanwhile gets the placeholder its values read as anyway, not a new key.
 * <p>
 * An upcaster could not do it: it changes what is read, never what is kept, so the plain text
 * would stay in the table and in every backup. Events are read in chunks of global index order,
 * each chunk one transaction that also moves the mark in {@code plaintext_encryption}, so a
 * restart goes on where it stopped and later start-ups read only events stored since (written
 * in plain text by an older replica, say). Chunks take a transaction-scoped advisory lock, so
 * two replicas starting together do not both rewrite a chunk. Reads accept both forms
 * throughout, so the app serves while this runs.
 */
public class PlaintextEncryption implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PlaintextEncryption.class);
    private static final long LOCK = AdvisoryLocks.key("rapport-plaintext-encryption");
    private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;

    /** What one run did, in numbers. */
    public record Outcome(long eventsRead, long eventsEncrypted, long deadLettersEncrypted, long valuesErased) {
    }

    private record Stored(String id, String type, byte[] payload) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final PersonalData personalData;
    private final EventSchema events;
    private final DeadLetterSchema deadLetters;
    private final int chunkSize;
    private final boolean enabled;
    private final Map<String, PersonalComponents> types = new ConcurrentHashMap<>();

    public PlaintextEncryption(JdbcTemplate jdbc, TransactionTemplate transaction, PersonalData personalData,
                               EventSchema events, DeadLetterSchema deadLetters, PrivacyProperties.Migration settings) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.personalData = personalData;
        this.events = events;
        this.deadLetters = deadLetters;
        this.chunkSize = settings.chunkSize();
        this.enabled = settings.enabled();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        if (!personalData.encrypts()) {
            log.warn("Personal data is not encrypted (rapport.privacy.encrypt=false): events stored in plain text"
                    + " stay so, and new ones are written in plain text too");
            return;
        }
        try {
            encryptPlaintext();
        } catch (RuntimeException e) {
            // reads take plain text as well, so the app can serve; the next start-up goes on from the mark
            log.error("Could not finish encrypting the personal data of events stored in plain text; it stays"
                    + " readable in the event store until a later start-up finishes it", e);
        }
    }

    /** Encrypts every personal value stored in plain text after the mark, and in the dead letters. */
    public Outcome encryptPlaintext() {
        long started = System.nanoTime();
        long lastLog = started;
        long head = jdbc.queryForObject("SELECT coalesce(max(" + events.globalIndexColumn() + "), 0) FROM "
                + events.domainEventTable(), Long.class);
        long[] totals = new long[4];
        boolean announced = false;
        while (true) {
            long[] chunk = transaction.execute(status -> encryptChunk());
            totals[0] += chunk[0];
            totals[1] += chunk[1];
            totals[3] += chunk[2];
            if (!announced && chunk[1] > 0) {
                announced = true;
                log.info("Encrypting the personal data of events stored in plain text, in chunks of {}; the store"
                        + " holds events up to position {}", chunkSize, head);
            }
            if (chunk[0] < chunkSize) {
                break;
            }
            if (announced && System.nanoTime() - lastLog > PROGRESS_EVERY_NANOS) {
                lastLog = System.nanoTime();
                log.info("Encrypting personal data: {} events read so far, {} of them held it in plain text and"
                        + " are encrypted now", totals[0], totals[1]);
            }
        }
        long[] letters = transaction.execute(status -> encryptDeadLetters());
        totals[2] = letters[0];
        totals[3] += letters[1];
        Outcome outcome = new Outcome(totals[0], totals[1], totals[2], totals[3]);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (outcome.eventsEncrypted() > 0 || outcome.deadLettersEncrypted() > 0) {
            log.info("Personal data at rest: {} events and {} dead letters that held it in plain text are encrypted"
                            + " now ({} events read in {} ms){}", outcome.eventsEncrypted(),
                    outcome.deadLettersEncrypted(), outcome.eventsRead(), millis, outcome.valuesErased() == 0 ? ""
                            : "; " + outcome.valuesErased() + " values of subjects erased meanwhile now read as erased"
                                    + " in the store too");
        } else {
            log.debug("Personal data at rest: no event read ({}) held any in plain text", outcome.eventsRead());
        }
        return outcome;
    }

    /** One chunk after the mark: {events read, events rewritten, values erased}. */
    private long[] encryptChunk() {
        lock();
        long through = jdbc.queryForObject("SELECT encrypted_through FROM plaintext_encryption", Long.class);
        List<Stored> chunk = jdbc.query("SELECT " + events.globalIndexColumn() + ", " + events.payloadTypeColumn()
                        + ", " + events.payloadColumn() + " FROM " + events.domainEventTable() + " WHERE "
                        + events.globalIndexColumn() + " > ? ORDER BY " + events.globalIndexColumn() + " LIMIT ?",
                (row, n) -> new Stored(row.getString(1), row.getString(2), row.getBytes(3)), through, chunkSize);
        long[] counts = new long[3];
        counts[0] = chunk.size();
        List<Object[]> rewritten = new ArrayList<>();
        for (Stored stored : chunk) {
            byte[] encrypted = encrypted(stored, counts);
            if (encrypted != null) {
                rewritten.add(new Object[] {encrypted, Long.parseLong(stored.id())});
            }
        }
        if (!rewritten.isEmpty()) {
            jdbc.batchUpdate("UPDATE " + events.domainEventTable() + " SET " + events.payloadColumn() + " = ? WHERE "
                    + events.globalIndexColumn() + " = ?", rewritten);
        }
        counts[1] = rewritten.size();
        if (!chunk.isEmpty()) {
            jdbc.update("UPDATE plaintext_encryption SET encrypted_through = ?, updated_at = now()",
                    Long.parseLong(chunk.get(chunk.size() - 1).id()));
        }
        return counts;
    }

    /** Every dead letter, a table that stays small: {letters rewritten, values erased}. */
    private long[] encryptDeadLetters() {
        lock();
        List<Stored> letters = jdbc.query("SELECT " + deadLetters.deadLetterIdentifierColumn() + ", "
                        + deadLetters.payloadTypeColumn() + ", " + deadLetters.payloadColumn() + " FROM "
                        + deadLetters.deadLetterTable(),
                (row, n) -> new Stored(row.getString(1), row.getString(2), row.getBytes(3)));
        long[] counts = new long[3];
        List<Object[]> rewritten = new ArrayList<>();
        for (Stored letter : letters) {
            byte[] encrypted = encrypted(letter, counts);
            if (encrypted != null) {
                rewritten.add(new Object[] {encrypted, letter.id()});
            }
        }
        if (!rewritten.isEmpty()) {
            jdbc.batchUpdate("UPDATE " + deadLetters.deadLetterTable() + " SET " + deadLetters.payloadColumn()
                    + " = ? WHERE " + deadLetters.deadLetterIdentifierColumn() + " = ?", rewritten);
        }
        return new long[] {rewritten.size(), counts[2]};
    }

    /** The payload with its plain personal values encrypted; null when it holds none. */
    private byte[] encrypted(Stored stored, long[] counts) {
        PersonalComponents personal = types.computeIfAbsent(stored.type(), PlaintextEncryption::componentsOf);
        if (!personal.any()) {
            return null;
        }
        JsonNode event;
        try {
            event = PersonalData.PLAIN.readTree(stored.payload());
        } catch (IOException e) {
            throw new UncheckedIOException("The stored " + stored.type() + " at " + stored.id() + " is not JSON", e);
        }
        boolean changed = false;
        for (PersonalComponents.Component component : personal.components()) {
            JsonNode holder = event;
            List<String> path = component.path();
            for (int i = 0; i < path.size() - 1 && holder != null; i++) {
                holder = holder.get(path.get(i));
            }
            String name = path.get(path.size() - 1);
            JsonNode value = holder instanceof ObjectNode ? holder.get(name) : null;
            if (value == null || value.isNull() || value.isTextual() && Sealed.isSealed(value.textValue())) {
                continue;
            }
            DataSubject subject = personal.subjectOf(component, event);
            if (subject == null) {
                throw new IllegalStateException("The stored " + stored.type() + " at " + stored.id()
                        + " does not say whose its personal data is");
            }
            String sealed;
            try {
                sealed = personalData.seal(subject, PersonalData.PLAIN.writeValueAsBytes(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (sealed == null) {
                counts[2]++;
            }
            ((ObjectNode) holder).set(name, sealed != null ? TextNode.valueOf(sealed)
                    : value.isArray() ? new ArrayNode(JsonNodeFactory.instance) : TextNode.valueOf(Personal.ERASED));
            changed = true;
        }
        if (!changed) {
            return null;
        }
        try {
            return PersonalData.PLAIN.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void lock() {
        jdbc.query("SELECT pg_advisory_xact_lock(?)", row -> {
        }, LOCK);
    }

    private static PersonalComponents componentsOf(String type) {
        try {
            return PersonalComponents.of(Class.forName(type, false, PlaintextEncryption.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            // a type no longer in the code: nothing of it is read, so nothing of it is known personal
            return PersonalComponents.of(Object.class);
        }
    }
}
