package app.rapport.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import app.rapport.events.interview.InterviewHeld;
import app.rapport.events.interview.InterviewPrepared;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.junit.jupiter.api.Test;

/**
 * Events stored as plain JSON, as every release before encryption wrote them, are encrypted in
 * place once: afterwards no personal text is left in the store, every event reads back equal and
 * every other property is as it was; a second run changes nothing, and a subject erased meanwhile
 * gets placeholders, not a new key.
 */
class PlaintextEncryptionTest {

    // as the event store's mapper wrote events before personal data was encrypted
    static final ObjectMapper PLAIN_STORE = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new ParameterNamesModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    final EventStoreDatabase db = new EventStoreDatabase();
    final KeyStore keys = new KeyStore(db.jdbc, "", new KeyCache(1000, Duration.ofSeconds(30)), new SecureRandom());
    final PersonalData personalData = new PersonalData(keys, true, new SecureRandom());
    final ObjectMapper store = PersonalDataRoundTripTest.eventStoreMapper(personalData);
    final PlaintextEncryption migration = new PlaintextEncryption(db.jdbc, db.transaction, personalData,
            EventSchema.builder().eventTable("domain_event_entry").globalIndexColumn("global_index")
                    .payloadTypeColumn("payload_type").payloadColumn("payload").build(),
            DeadLetterSchema.builder().deadLetterTable("dead_letter_entry").deadLetterIdentifierColumn("dead_letter_id")
                    .payloadTypeColumn("payload_type").payloadColumn("payload").build(),
            new PrivacyProperties.Migration(true, 7));
    final PersonalSamples samples = new PersonalSamples();
    final String marker = "mk" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void plainEvents_areEncryptedInPlace_andReadBackEqual_withEveryOtherPropertyAsItWas() throws Exception {
        List<Object> events = new ArrayList<>();
        for (Class<?> type : PersonalSamples.eventTypes()) {
            events.add(samples.withMarker(type, marker));
        }
        List<Long> positions = new ArrayList<>();
        for (Object event : events) {
            positions.add(storePlain(event));
        }
        long personal = events.stream().filter(event -> PersonalComponents.of(event.getClass()).any()).count();
        assertThat(rowsHoldingMarker()).isEqualTo(personal);

        PlaintextEncryption.Outcome outcome = migration.encryptPlaintext();

        assertThat(outcome.eventsRead()).isEqualTo(events.size());
        assertThat(outcome.eventsEncrypted()).isEqualTo(personal);
        assertThat(rowsHoldingMarker()).isZero();
        for (int i = 0; i < events.size(); i++) {
            Object event = events.get(i);
            byte[] payload = payloadAt(positions.get(i));
            assertThat(store.readValue(payload, event.getClass())).isEqualTo(event);
            assertThat(withoutPersonal(event.getClass(), store.readTree(payload)))
                    .as("%s but its personal values", event.getClass().getSimpleName())
                    .isEqualTo(withoutPersonal(event.getClass(), PLAIN_STORE.readTree(PLAIN_STORE.writeValueAsBytes(event))));
        }
    }

    @Test
    void asecondRun_changesNothing_evenFromTheStartOfTheStore() throws Exception {
        storePlain(samples.withMarker(InterviewHeld.class, marker));
        migration.encryptPlaintext();
        byte[] encrypted = db.jdbc.queryForObject("SELECT payload FROM domain_event_entry", byte[].class);

        PlaintextEncryption.Outcome again = migration.encryptPlaintext();
        db.jdbc.update("UPDATE plaintext_encryption SET encrypted_through = 0");
        PlaintextEncryption.Outcome fromTheStart = migration.encryptPlaintext();

        assertThat(again.eventsRead()).as("only events after the mark are read").isZero();
        assertThat(fromTheStart.eventsRead()).isEqualTo(1);
        assertThat(fromTheStart.eventsEncrypted()).isZero();
        assertThat(db.jdbc.queryForObject("SELECT payload FROM domain_event_entry", byte[].class)).isEqualTo(encrypted);
    }

    @Test
    void anEventStoredInPlainAfterTheMark_isEncryptedAtTheNextRun() throws Exception {
        storePlain(samples.withMarker(InterviewHeld.class, marker));
        migration.encryptPlaintext();

        storePlain(samples.withMarker(InterviewPrepared.class, marker));
        PlaintextEncryption.Outcome next = migration.encryptPlaintext();

        assertThat(next.eventsRead()).isEqualTo(1);
        assertThat(next.eventsEncrypted()).isEqualTo(1);
        assertThat(rowsHoldingMarker()).isZero();
    }

    @Test
    void theValuesOfASubjectErasedMeanwhile_becomePlaceholders_andItGetsNoNewKey() throws Exception {
        long position = storePlain(samples.withMarker(InterviewPrepared.class, marker));
        keys.eraseContact(samples.contact, samples.owner, PersonalSamples.AT);

        PlaintextEncryption.Outcome outcome = migration.encryptPlaintext();

        assertThat(outcome.valuesErased()).isEqualTo(2);
        assertThat(rowsHoldingMarker()).isZero();
        assertThat(store.readValue(payloadAt(position), InterviewPrepared.class))
                .isEqualTo(samples.erased(InterviewPrepared.class));
        assertThat(db.jdbc.queryForObject("SELECT count(*) FROM subject_key", Integer.class)).isZero();
    }

    @Test
    void deadLettersInPlain_areEncryptedToo() throws Exception {
        Object held = samples.withMarker(InterviewHeld.class, marker);
        db.jdbc.update("""
                INSERT INTO dead_letter_entry (dead_letter_id, processing_group, sequence_identifier, sequence_index,
                    message_type, event_identifier, time_stamp, payload_type, payload, enqueued_at)
                VALUES (?, 'timeline', ?, 0, 'DomainEventMessage', ?, '2026-03-04T15:00:00.123Z', ?, ?,
                    '2026-03-04T15:00:01.000Z')""", UUID.randomUUID().toString(), samples.contact.toString(),
                UUID.randomUUID().toString(), InterviewHeld.class.getName(), PLAIN_STORE.writeValueAsBytes(held));

        PlaintextEncryption.Outcome outcome = migration.encryptPlaintext();

        assertThat(outcome.deadLettersEncrypted()).isEqualTo(1);
        byte[] payload = db.jdbc.queryForObject("SELECT payload FROM dead_letter_entry", byte[].class);
        assertThat(new String(payload, StandardCharsets.UTF_8)).doesNotContain(marker);
        assertThat(store.readValue(payload, InterviewHeld.class)).isEqualTo(held);
    }

    private long storePlain(Object event) throws Exception {
        return db.jdbc.queryForObject("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    payload, payload_type, time_stamp)
                VALUES (?, (SELECT count(*) FROM domain_event_entry), 'Contact', ?, ?, ?, '2026-03-04T15:00:00.123Z')
                RETURNING global_index""", Long.class, samples.contact.toString(), UUID.randomUUID().toString(),
                PLAIN_STORE.writeValueAsBytes(event), event.getClass().getName());
    }

    private byte[] payloadAt(long position) {
        return db.jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE global_index = ?", byte[].class,
                position);
    }

    private long rowsHoldingMarker() {
        return db.jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8')"
                + " LIKE ?", Long.class, "%" + marker + "%");
    }

    private static JsonNode withoutPersonal(Class<?> type, JsonNode event) {
        for (PersonalComponents.Component component : PersonalComponents.of(type).components()) {
            JsonNode holder = event;
            for (String name : component.path().subList(0, component.path().size() - 1)) {
                holder = holder.get(name);
            }
            ((ObjectNode) holder).remove(component.path().get(component.path().size() - 1));
        }
        return event;
    }
}
