package app.rapport.events;

import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.FollowUpLogged;
import app.rapport.values.ContactDetails;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events already in the store, byte for byte as the app has written them (type name and payload
 * of the samples), still read into their records and are written again unchanged but for the
 * optional fields added since, which read as null: implementing the contract types must neither
 * move a type nor add a property, and a new optional field must not change what an old event says.
 */
class StoredEventJsonTest {

    // as the platform's event mapper is configured; shared-events cannot depend on the platform
    private final ObjectMapper store = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new ParameterNamesModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @ParameterizedTest(name = "{0}")
    @MethodSource("stored")
    void storedEvent_readsAsTheSample_andWritesBackTheSameJson(String storedType, String storedJson)
            throws Exception {
        Object event = store.readValue(storedJson, Class.forName(storedType));

        assertThat(event).isEqualTo(asStoredBeforeOptionalFields(sampleOf(storedType)));
        assertThat(withoutNulls(store.readTree(store.writeValueAsString(event)))).isEqualTo(store.readTree(storedJson));
    }

    static Stream<Arguments> stored() {
        return Stream.of(
                Arguments.of("app.rapport.events.contact.ContactAdded", """
                        {"contactId":"6f1d2c7e-0000-4000-8000-000000000001","ownerId":"ada",\
                        "details":{"name":"Lin Chen","organization":"Harbour Labs","role":"Data Engineer",\
                        "specialization":"data platforms","preferredChannel":"VIDEO",\
                        "preferredLocation":"Café Nord","email":"lin@example.org","phone":"+1 555 0100",\
                        "notes":"met at the spring career fair"},"source":"REFERRAL",\
                        "referredBy":"6f1d2c7e-0000-4000-8000-000000000002","cadenceDays":60,\
                        "at":"2026-03-04T15:00:00.123456Z"}"""),
                Arguments.of("app.rapport.events.contact.ReferralReceived", """
                        {"contactId":"6f1d2c7e-0000-4000-8000-000000000001","ownerId":"ada",\
                        "referredContactId":"6f1d2c7e-0000-4000-8000-000000000002","referredName":"Sam Okafor",\
                        "at":"2026-03-04T15:00:00.123456Z"}"""),
                Arguments.of("app.rapport.events.contact.FollowUpLogged", """
                        {"contactId":"6f1d2c7e-0000-4000-8000-000000000001","ownerId":"ada",\
                        "followUpId":"6f1d2c7e-0000-4000-8000-000000000004","kind":"ADVICE_TAKEN",\
                        "channel":"SOCIAL_MESSAGE","note":"took the course she suggested",\
                        "at":"2026-03-04T15:00:00.123456Z"}"""),
                Arguments.of("app.rapport.events.interview.InterviewPrepared", """
                        {"contactId":"6f1d2c7e-0000-4000-8000-000000000001","ownerId":"ada",\
                        "interviewId":"6f1d2c7e-0000-4000-8000-000000000003","questions":["How did you start?",\
                        "What surprised you?"],"researchNotes":"read her blog","recordingPermissionAsked":true,\
                        "at":"2026-03-04T15:00:00.123456Z"}"""),
                Arguments.of("app.rapport.events.interview.InterviewHeld", """
                        {"contactId":"6f1d2c7e-0000-4000-8000-000000000001","ownerId":"ada",\
                        "interviewId":"6f1d2c7e-0000-4000-8000-000000000003","agreedMinutes":25,\
                        "actualMinutes":32,"notes":"ran over","checklist":{"thankedAtStart":true,\
                        "introducedSelf":true,"askedForReferrals":false,"thankedAtEnd":true},\
                        "at":"2026-03-04T15:00:00.123456Z"}"""),
                Arguments.of("app.rapport.events.networker.ProfileSet", """
                        {"networkerId":"ada","displayName":"Ada L.","school":"Northfield College",\
                        "program":"Statistics","interests":["data engineering","public health"],\
                        "at":"2026-03-04T15:00:00.123456Z"}"""),
                Arguments.of("app.rapport.events.networker.MentorAccessGranted", """
                        {"networkerId":"ada","mentor":"grace","at":"2026-03-04T15:00:00.123456Z"}"""));
    }

    /** The sample without the optional fields added after these events were stored. */
    private static Object asStoredBeforeOptionalFields(Object sample) {
        if (sample instanceof ContactAdded added) {
            ContactDetails d = added.details();
            return new ContactAdded(added.contactId(), added.ownerId(), new ContactDetails(d.name(), d.organization(),
                    d.role(), d.specialization(), d.preferredChannel(), d.preferredLocation(), d.email(), d.phone(),
                    d.notes()), added.source(), added.referredBy(), added.cadenceDays(), added.at());
        }
        if (sample instanceof FollowUpLogged followUp) {
            return new FollowUpLogged(followUp.contactId(), followUp.ownerId(), followUp.followUpId(), followUp.kind(),
                    followUp.channel(), followUp.note(), followUp.at());
        }
        return sample;
    }

    /** Without the nulls and empty lists that optional fields added since write for an old event. */
    private static JsonNode withoutNulls(JsonNode tree) {
        if (tree instanceof ObjectNode object) {
            List<String> nulls = new ArrayList<>();
            object.fields().forEachRemaining(field -> {
                if (field.getValue().isNull() || field.getValue().isArray() && field.getValue().isEmpty()) {
                    nulls.add(field.getKey());
                } else {
                    withoutNulls(field.getValue());
                }
            });
            object.remove(nulls);
        }
        return tree;
    }

    private static Object sampleOf(String type) {
        return EventSamples.all().stream()
                .filter(sample -> sample.getClass().getName().equals(type))
                .findFirst().orElseThrow();
    }
}
