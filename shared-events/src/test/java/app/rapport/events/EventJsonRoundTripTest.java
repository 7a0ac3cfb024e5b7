package app.rapport.events;

import app.rapport.events.commitment.CommitmentDropped;
import app.rapport.events.commitment.CommitmentKept;
import app.rapport.events.commitment.CommitmentMade;
import app.rapport.events.contact.FollowUpLogged;
import app.rapport.events.interview.InterviewHeld;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events are stored as JSON for years: every event must survive the trip and keep its field
 * names, because a rename would orphan everything already in the store.
 */
class EventJsonRoundTripTest {

    private static final String EVENTS_PACKAGE = "app.rapport.events";

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void everyEvent_hasASample() {
        Set<String> sampled = EventSamples.all().stream()
                .map(sample -> sample.getClass().getName())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(sampled).containsExactlyElementsOf(eventTypesOnTheClasspath());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyEvent_readsBackEqual_afterJson(String type, Object event) throws Exception {
        String written = json.writeValueAsString(event);

        assertThat(json.readValue(written, event.getClass())).isEqualTo(event);
    }

    @Test
    void interviewHeld_keepsItsFieldNamesAndIsoTimes() throws Exception {
        InterviewHeld held = EventSamples.all().stream()
                .filter(InterviewHeld.class::isInstance).map(InterviewHeld.class::cast)
                .findFirst().orElseThrow();

        JsonNode tree = json.readTree(json.writeValueAsString(held));

        assertThat(fieldNames(tree)).containsExactly(
                "contactId", "ownerId", "interviewId", "agreedMinutes", "actualMinutes", "notes",
                "checklist", "at");
        assertThat(fieldNames(tree.get("checklist"))).containsExactly(
                "thankedAtStart", "introducedSelf", "askedForReferrals", "thankedAtEnd");
        assertThat(tree.get("at").asText()).isEqualTo("2026-03-04T15:00:00.123456Z");
        assertThat(tree.get("contactId").asText()).isEqualTo(EventSamples.CONTACT_ID.toString());
    }

    @Test
    void contactAdded_keepsItsFieldNames() throws Exception {
        Object added = EventSamples.all().get(0);

        JsonNode tree = json.readTree(json.writeValueAsString(added));

        assertThat(fieldNames(tree)).containsExactly(
                "contactId", "ownerId", "details", "source", "referredBy", "cadenceDays", "at", "provenance");
        assertThat(fieldNames(tree.get("details"))).containsExactly(
                "name", "organization", "role", "specialization", "preferredChannel",
                "preferredLocation", "email", "phone", "notes", "profileUrl");
        assertThat(tree.get("source").asText()).isEqualTo("REFERRAL");
    }

    @Test
    void commitments_keepTheirFieldNames_andAFollowUpNamesTheCommitmentsItKept() throws Exception {
        List<JsonNode> trees = new ArrayList<>();
        for (Object sample : EventSamples.all()) {
            if (sample instanceof CommitmentMade || sample instanceof CommitmentKept
                    || sample instanceof CommitmentDropped || sample instanceof FollowUpLogged) {
                trees.add(json.readTree(json.writeValueAsString(sample)));
            }
        }

        assertThat(trees).extracting(EventJsonRoundTripTest::fieldNames).containsExactly(
                List.of("contactId", "ownerId", "followUpId", "kind", "channel", "note", "at", "keeps"),
                List.of("contactId", "ownerId", "commitmentId", "interviewId", "promise", "dueBy", "at"),
                List.of("contactId", "ownerId", "commitmentId", "followUpId", "note", "at"),
                List.of("contactId", "ownerId", "commitmentId", "reason", "at"));
        assertThat(trees.get(0).get("keeps").get(0).asText()).isEqualTo(EventSamples.COMMITMENT_ID.toString());
        assertThat(trees.get(1).get("dueBy").asText()).isEqualTo("2026-03-11T16:30:00Z");
    }

    static List<Object[]> samples() {
        return EventSamples.all().stream()
                .map(event -> new Object[] {event.getClass().getSimpleName(), event})
                .toList();
    }

    // Every record below the events package is an event; test helpers live in the package itself.
    private static Set<String> eventTypesOnTheClasspath() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Record.class));
        return scanner.findCandidateComponents(EVENTS_PACKAGE).stream()
                .map(candidate -> candidate.getBeanClassName())
                .filter(name -> name.lastIndexOf('.') > EVENTS_PACKAGE.length())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
