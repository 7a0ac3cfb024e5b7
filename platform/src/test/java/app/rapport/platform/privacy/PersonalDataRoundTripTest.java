package app.rapport.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import app.rapport.events.Personal;
import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.ContactErased;
import app.rapport.events.contact.ReferralReceived;
import app.rapport.events.interview.InterviewHeld;
import app.rapport.events.interview.InterviewPrepared;
import app.rapport.events.networker.ProfileSet;
import app.rapport.platform.axon.AxonStorageConfiguration;
import app.rapport.values.ContactDetails;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event type, written by the event store's own mapper with a marker in every personal
 * component: the stored bytes hold no marker, and read back equal; once its subjects are erased it
 * reads with placeholders; a value of an erased subject is never encrypted with a new key; values
 * stored in plain text read as they are.
 */
class PersonalDataRoundTripTest {

    static final EventStoreDatabase db = new EventStoreDatabase();

    final KeyStore keys = new KeyStore(db.jdbc, "", new KeyCache(1000, Duration.ofSeconds(30)), new SecureRandom());
    final ObjectMapper store = eventStoreMapper(new PersonalData(keys, true, new SecureRandom()));
    final PersonalSamples samples = new PersonalSamples();
    final String marker = "mk" + UUID.randomUUID().toString().substring(0, 8);

    static ObjectMapper eventStoreMapper(PersonalData personalData) {
        return new AxonStorageConfiguration().defaultAxonObjectMapper(personalData);
    }

    static List<Class<?>> eventTypes() {
        return PersonalSamples.eventTypes();
    }

    @Test
    void theEventsAreFound_andTheSamplesCarryTheMarker() {
        List<Class<?>> types = eventTypes();

        assertThat(types).contains(ContactAdded.class, ProfileSet.class, ContactErased.class).hasSizeGreaterThan(30);
        assertThat(samples.withMarker(InterviewPrepared.class, marker).toString())
                .contains(marker + " researchNotes", marker + " first");
        assertThat(samples.withMarker(ContactAdded.class, marker).toString()).contains(marker + " email");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void everyEvent_keepsNoPersonalTextInPlain_andReadsBackEqual(Class<?> type) throws Exception {
        Object event = samples.withMarker(type, marker);

        byte[] stored = store.writeValueAsBytes(event);

        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain(marker);
        assertThat(store.readValue(stored, type)).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void everyEvent_readsWithPlaceholders_onceItsSubjectsAreErased(Class<?> type) throws Exception {
        byte[] stored = store.writeValueAsBytes(samples.withMarker(type, marker));

        keys.eraseContact(samples.contact, samples.owner, PersonalSamples.AT);
        keys.eraseContact(samples.otherContact, samples.owner, PersonalSamples.AT);
        keys.eraseNetworker(samples.owner, PersonalSamples.AT);

        assertThat(store.readValue(stored, type)).isEqualTo(samples.erased(type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void everyEvent_readJustBeforeItsSubjectsAreErased_readsWithPlaceholdersAfter(Class<?> type) throws Exception {
        Object written = samples.withMarker(type, marker);
        byte[] stored = store.writeValueAsBytes(written);
        assertThat(store.readValue(stored, type)).as("read, and its values kept decrypted").isEqualTo(written);

        keys.eraseContact(samples.contact, samples.owner, PersonalSamples.AT);
        keys.eraseContact(samples.otherContact, samples.owner, PersonalSamples.AT);
        keys.eraseNetworker(samples.owner, PersonalSamples.AT);

        assertThat(store.readValue(stored, type)).isEqualTo(samples.erased(type));
    }

    @Test
    void aPersonalValue_isStoredAsOneTextNamingItsSubject_andTheFactsStayPlain() throws Exception {
        InterviewHeld held = (InterviewHeld) samples.withMarker(InterviewHeld.class, marker);

        JsonNode stored = store.readTree(store.writeValueAsBytes(held));

        assertThat(stored.get("notes").asText()).startsWith("encrypted:v1:contact:" + samples.contact + ":");
        assertThat(stored.get("actualMinutes").asInt()).isEqualTo(held.actualMinutes());
        assertThat(stored.get("contactId").asText()).isEqualTo(samples.contact.toString());
        assertThat(stored.get("at").asText()).isEqualTo("2026-03-04T15:00:00.123456Z");
    }

    @Test
    void aNestedValue_takesTheEventsSubject_andANamedSubjectIsTheComponentNamed() throws Exception {
        JsonNode added = store.readTree(store.writeValueAsBytes(samples.withMarker(ContactAdded.class, marker)));
        JsonNode referral = store.readTree(store.writeValueAsBytes(samples.withMarker(ReferralReceived.class, marker)));
        JsonNode erasure = store.readTree(store.writeValueAsBytes(samples.withMarker(ContactErased.class, marker)));

        assertThat(added.get("details").get("email").asText()).startsWith("encrypted:v1:contact:" + samples.contact + ":");
        assertThat(added.get("details").get("specialization").asText()).isEqualTo("plain specialization");
        assertThat(referral.get("referredName").asText())
                .startsWith("encrypted:v1:contact:" + samples.otherContact + ":");
        assertThat(erasure.get("reason").asText()).startsWith("encrypted:v1:networker:" + samples.owner + ":");
    }

    @Test
    void aListOfTexts_isEncryptedWhole() throws Exception {
        JsonNode prepared = store.readTree(store.writeValueAsBytes(samples.withMarker(InterviewPrepared.class, marker)));

        assertThat(prepared.get("questions").isTextual()).isTrue();
        assertThat(prepared.get("questions").asText()).startsWith("encrypted:v1:");
    }

    @Test
    void theSameValueTwice_isEncryptedDifferently() throws Exception {
        Object held = samples.withMarker(InterviewHeld.class, marker);

        String once = store.readTree(store.writeValueAsBytes(held)).get("notes").asText();
        String twice = store.readTree(store.writeValueAsBytes(held)).get("notes").asText();

        assertThat(once).isNotEqualTo(twice);
        assertThat(once.substring(0, once.lastIndexOf(':'))).isEqualTo(twice.substring(0, twice.lastIndexOf(':')));
    }

    @Test
    void aValueOfAnErasedSubject_isWrittenAsThePlaceholder_andGetsNoNewKey() throws Exception {
        keys.eraseContact(samples.contact, samples.owner, PersonalSamples.AT);

        JsonNode prepared = store.readTree(store.writeValueAsBytes(samples.withMarker(InterviewPrepared.class, marker)));

        assertThat(prepared.get("researchNotes").asText()).isEqualTo(Personal.ERASED);
        assertThat(prepared.get("questions").isArray()).isTrue();
        assertThat(prepared.get("questions")).isEmpty();
        assertThat(db.jdbc.queryForObject("SELECT count(*) FROM subject_key WHERE subject = ?", Integer.class,
                DataSubject.contactName(samples.contact))).isZero();
    }

    @Test
    void aValueMovedIntoAnotherSubjectsEvent_doesNotDecrypt() throws Exception {
        InterviewHeld held = (InterviewHeld) samples.withMarker(InterviewHeld.class, marker);
        ObjectNode stored = (ObjectNode) store.readTree(store.writeValueAsBytes(held));
        String sealed = stored.get("notes").asText();
        String otherSubject = DataSubject.contactName(samples.otherContact);
        keys.keyToWrite(DataSubject.contact(samples.otherContact, samples.owner));
        stored.put("notes", sealed.replace(DataSubject.contactName(samples.contact), otherSubject));

        assertThatThrownBy(() -> store.treeToValue(stored, InterviewHeld.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("does not match its key");
    }

    @Test
    void eventsStoredInPlainText_readAsTheyAre() throws Exception {
        for (Class<?> type : eventTypes()) {
            Object event = samples.withMarker(type, marker);
            byte[] plain = eventStoreMapper(new PersonalData(keys, false, new SecureRandom())).writeValueAsBytes(event);

            if (PersonalComponents.of(type).any()) {
                assertThat(new String(plain, StandardCharsets.UTF_8)).as(type.getSimpleName()).contains(marker);
            }
            assertThat(store.readValue(plain, type)).as(type.getSimpleName()).isEqualTo(event);
        }
    }

    @Test
    void withEncryptionOff_newWritesArePlain_andCreateNoKey() throws Exception {
        ObjectMapper plain = eventStoreMapper(new PersonalData(keys, false, new SecureRandom()));
        Object held = samples.withMarker(InterviewHeld.class, marker);

        byte[] stored = plain.writeValueAsBytes(held);

        assertThat(new String(stored, StandardCharsets.UTF_8)).contains(marker + " notes");
        assertThat(plain.readValue(stored, InterviewHeld.class)).isEqualTo(held);
        assertThat(db.jdbc.queryForObject("SELECT count(*) FROM subject_key WHERE subject = ?", Integer.class,
                DataSubject.contactName(samples.contact))).isZero();
    }

    @Test
    void personalDataOutsideAnEvent_isRefused_ratherThanWrittenInPlain() {
        ContactDetails details = new ContactDetails(marker, null, null, null, null, null, null, null, null);

        assertThatThrownBy(() -> store.writeValueAsBytes(details))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("outside an event");
    }

    @Test
    void readText_givesAStoredPersonalTextAsTheEventReadsIt() throws Exception {
        PersonalData personalData = new PersonalData(keys, true, new SecureRandom());
        JsonNode held = store.readTree(store.writeValueAsBytes(samples.withMarker(InterviewHeld.class, marker)));

        assertThat(personalData.readText(held.get("notes").asText())).isEqualTo(marker + " notes");
        assertThat(personalData.readText("typed before encryption")).isEqualTo("typed before encryption");
        keys.eraseContact(samples.contact, samples.owner, PersonalSamples.AT);
        assertThat(personalData.readText(held.get("notes").asText())).isEqualTo(Personal.ERASED);
    }
}
