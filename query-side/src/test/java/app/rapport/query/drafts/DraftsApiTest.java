package app.rapport.query.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.rapport.events.contact.EntryCorrected;
import app.rapport.events.contact.EntryRetracted;
import app.rapport.events.interview.NudgeSent;
import app.rapport.events.networker.MentorAccessGranted;
import app.rapport.events.networker.ProfileSet;
import app.rapport.query.Journal;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.testsupport.TestUsers;
import app.rapport.values.Channel;
import app.rapport.values.ContactSource;
import app.rapport.values.EntryChanges;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/contacts/{id}/drafts/{kind}} over HTTP against PostgreSQL. The caller is
 * {@code demo}; most tests read a fresh mentee's journal shared with demo. Drafts read the event
 * store, so no test waits for a projection.
 */
class DraftsApiTest extends QueryIntegrationTest {

    static final String CALLER = TestUsers.DEMO;
    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final Instant HELD = Instant.parse("2026-01-20T16:00:00Z");
    static final String PURPOSE = "archives work";

    // --- 200, one per kind

    @Test
    void request_isWritten_inTheMenteesVoice_toTheContact() {
        Journal mentee = menteeWithProfile();
        var maya = mentee.contact("Maya Chen", "City Archives", "archives", ContactSource.COLD, Channel.EMAIL, T0);

        JsonNode draft = ok("/api/contacts/" + maya.id + "/drafts/request?durationMinutes=25&purpose=" + PURPOSE
                + "&owner=" + mentee.owner());

        assertThat(draft.get("channel").asText()).isEqualTo("EMAIL");
        assertThat(draft.get("subject").asText()).isEqualTo("Could we talk for 25 minutes?");
        assertThat(draft.get("body").asText()).startsWith("Dear Maya Chen,")
                .contains("My name is Sam Rivera, and I am studying Library Science at Northfield University.")
                .contains("your work in archives as Archivist at City Archives")
                .contains("Would you have 25 minutes in the coming weeks to talk with me about archives work?");
    }

    @Test
    void nudge_isWritten_forARequestWaitingForAnAnswer() {
        Journal mentee = menteeWithProfile();
        var maya = mentee.contact("Maya Chen", "City Archives", "archives", ContactSource.COLD, Channel.PHONE, T0);
        UUID interview = maya.request(Channel.PHONE, 20, PURPOSE, T0);

        JsonNode draft = ok(draftUri(maya.id, "nudge", interview, mentee));

        assertThat(draft.get("channel").asText()).isEqualTo("PHONE");
        assertThat(draft.get("subject").isNull()).isTrue();
        assertThat(draft.get("body").asText())
                .contains("I reached out on 5 January 2026 to ask for 20 minutes of your time to learn about archives work.");
    }

    @Test
    void thankYou_isWritten_withTheNotesAsCorrected() {
        Journal mentee = menteeWithProfile();
        var maya = mentee.contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, PURPOSE, T0);
        maya.accept(interview, T0.plusSeconds(3_600)).schedule(interview, HELD, T0.plusSeconds(7_200))
                .hold(interview, 30, 30, HELD);
        String held = lastEventId(maya);
        maya.append(new EntryCorrected(maya.id, mentee.owner(), held, "InterviewHeld", interview, null,
                new EntryChanges(null, null, null, null, "Start with the county archive", null), "typo",
                HELD.plusSeconds(600)), HELD.plusSeconds(600));

        JsonNode draft = ok(draftUri(maya.id, "thank-you", interview, mentee));

        assertThat(draft.get("subject").asText()).isEqualTo("Thank you for our conversation");
        assertThat(draft.get("body").asText()).contains("Thank you for speaking with me on 20 January 2026")
                .contains("What I am taking away from our conversation: Start with the county archive.")
                .doesNotContain("Good talk");
    }

    @Test
    void followUp_isWritten_afterTheThankYou() {
        Journal mentee = menteeWithProfile();
        var maya = mentee.contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, PURPOSE, T0);
        maya.accept(interview, T0.plusSeconds(3_600)).schedule(interview, HELD, T0.plusSeconds(7_200))
                .hold(interview, 30, 30, HELD).thank(interview, HELD.plus(Duration.ofHours(2)));

        JsonNode draft = ok(draftUri(maya.id, "follow-up", interview, mentee));

        assertThat(draft.get("body").asText()).contains("When we spoke on 20 January 2026 about archives work")
                .contains("My notes from that conversation say: Good talk.");
    }

    @Test
    void ownJournal_isReadWithoutOwner() {
        String bob = TestUsers.BOB;
        setProfile(bob);
        var maya = journal(bob).contact("Maya Chen", T0);

        ResponseEntity<JsonNode> answer = http.withBasicAuth(bob, TestUsers.passwordOf(bob)).getForEntity(
                "/api/contacts/" + maya.id + "/drafts/request?durationMinutes=20&purpose=" + PURPOSE, JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().get("body").asText()).contains("My name is Sam Rivera");
    }

    @Test
    void aRetractedNudge_leavesTheRequestToNudgeAgain() {
        Journal mentee = menteeWithProfile();
        var maya = mentee.contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 20, PURPOSE, T0);
        Instant nudgedAt = T0.plus(Duration.ofDays(8));
        maya.append(new NudgeSent(maya.id, mentee.owner(), interview, Channel.EMAIL, null, nudgedAt), nudgedAt);
        assertConflict(get(draftUri(maya.id, "nudge", interview, mentee)), "nudge-already-sent");

        maya.append(new EntryRetracted(maya.id, mentee.owner(), lastEventId(maya), "NudgeSent", interview, null,
                "sent by mistake", nudgedAt.plusSeconds(60)), nudgedAt.plusSeconds(60));

        ok(draftUri(maya.id, "nudge", interview, mentee));
    }

    @Test
    void drafts_storeNothing() {
        Journal mentee = menteeWithProfile();
        var maya = mentee.contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 20, PURPOSE, T0);
        long before = headOfStore();

        ok("/api/contacts/" + maya.id + "/drafts/request?durationMinutes=20&purpose=x&owner=" + mentee.owner());
        ok(draftUri(maya.id, "nudge", interview, mentee));
        get(draftUri(maya.id, "thank-you", interview, mentee));

        assertThat(headOfStore()).isEqualTo(before);
    }

    // --- 400

    @Test
    void missingOrInvalidParameters_areBadRequests_namingThem() {
        Journal mentee = menteeWithProfile();
        var maya = mentee.contact("Maya Chen", T0);
        String base = "/api/contacts/" + maya.id + "/drafts/";
        String owner = "&owner=" + mentee.owner();

        assertBadField(base + "request?purpose=x" + owner, "durationMinutes");
        assertBadField(base + "request?durationMinutes=9&purpose=x" + owner, "durationMinutes");
        assertBadField(base + "request?durationMinutes=91&purpose=x" + owner, "durationMinutes");
        assertBadField(base + "request?durationMinutes=abc&purpose=x" + owner, "durationMinutes");
        assertBadField(base + "request?durationMinutes=20" + owner, "purpose");
        assertBadField(base + "request?durationMinutes=20&purpose=" + owner, "purpose");
        assertBadField(base + "nudge?x=1" + owner, "interviewId");
        assertBadField(base + "thank-you?interviewId=not-a-uuid" + owner, "interviewId");
        assertBadField(base + "thank-you?interviewId=" + UUID.randomUUID() + "&zone=Nowhere" + owner, "zone");
        assertBadField(base + "job-inquiry?x=1" + owner, "kind");
    }

    // --- 404

    @Test
    void unknownContact_isNotFound() {
        menteeWithProfile();

        assertProblem(get("/api/contacts/" + UUID.randomUUID() + "/drafts/request?durationMinutes=20&purpose=x"),
                HttpStatus.NOT_FOUND);
    }

    @Test
    void someoneElsesContact_isNotFound_notForbidden() {
        Journal stranger = journal();
        setProfile(stranger.owner());
        var maya = stranger.contact("Maya Chen", T0);
        String uri = "/api/contacts/" + maya.id + "/drafts/request?durationMinutes=20&purpose=x";

        assertProblem(get(uri), HttpStatus.NOT_FOUND);
        assertProblem(get(uri + "&owner=" + stranger.owner()), HttpStatus.NOT_FOUND);
    }

    @Test
    void anInterviewOfNoneOrOfAnotherContact_isNotFound() {
        Journal mentee = menteeWithProfile();
        var maya = mentee.contact("Maya Chen", T0);
        var omar = mentee.contact("Omar Haddad", T0);
        UUID omarsInterview = omar.request(Channel.EMAIL, 20, PURPOSE, T0);

        assertProblem(get(draftUri(maya.id, "nudge", UUID.randomUUID(), mentee)), HttpStatus.NOT_FOUND);
        assertProblem(get(draftUri(maya.id, "nudge", omarsInterview, mentee)), HttpStatus.NOT_FOUND);
    }

    // --- 409

    @Test
    void withoutAProfile_isAConflict_namingIt() {
        Journal mentee = journal();
        appendNetworker(mentee.owner(), new MentorAccessGranted(mentee.owner(), CALLER, T0), T0);
        var maya = mentee.contact("Maya Chen", T0);

        assertConflict(get("/api/contacts/" + maya.id + "/drafts/request?durationMinutes=20&purpose=x&owner="
                + mentee.owner()), "profile-missing");
    }

    @Test
    void thankYou_forAnInterviewNotHeld_isAConflict() {
        Journal mentee = menteeWithProfile();
        var maya = mentee.contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 20, PURPOSE, T0);
        maya.accept(interview, T0.plusSeconds(60));

        assertConflict(get(draftUri(maya.id, "thank-you", interview, mentee)), "interview-not-held");
    }

    @Test
    void nudge_forAnAnsweredRequest_isAConflict() {
        Journal mentee = menteeWithProfile();
        var maya = mentee.contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 20, PURPOSE, T0);
        maya.decline(interview, T0.plusSeconds(60));

        assertConflict(get(draftUri(maya.id, "nudge", interview, mentee)), "request-already-answered");
    }

    // --- helpers

    /** A fresh networker who set a profile and granted the caller mentor access. */
    private Journal menteeWithProfile() {
        Journal mentee = journal();
        appendNetworker(mentee.owner(), new MentorAccessGranted(mentee.owner(), CALLER, T0), T0);
        setProfile(mentee.owner());
        return mentee;
    }

    private void setProfile(String owner) {
        appendNetworker(owner, new ProfileSet(owner, "Sam Rivera", "Northfield University", "Library Science",
                List.of("archives"), T0), T0);
    }

    /** The networker's stream is written here, not through {@link Journal}, to hold a profile too. */
    private void appendNetworker(String owner, Object payload, Instant at) {
        long next = jdbc.queryForObject("SELECT coalesce(max(sequence_number) + 1, 0) FROM domain_event_entry "
                + "WHERE aggregate_identifier = ?", Long.class, owner);
        transaction.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>(
                "Networker", owner, next, payload,
                MetaData.with("actor", owner).and("correlationId", UUID.randomUUID().toString()),
                UUID.randomUUID().toString(), at)));
    }

    private String lastEventId(Journal.ContactStream contact) {
        return jdbc.queryForObject("SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number DESC LIMIT 1", String.class, contact.id.toString());
    }

    private long headOfStore() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    }

    private static String draftUri(UUID contact, String kind, UUID interview, Journal owner) {
        return "/api/contacts/" + contact + "/drafts/" + kind + "?interviewId=" + interview + "&owner=" + owner.owner();
    }

    private ResponseEntity<JsonNode> get(String uri) {
        return http.getForEntity(uri, JsonNode.class);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
    }

    private static void assertConflict(ResponseEntity<JsonNode> response, String rule) {
        assertProblem(response, HttpStatus.CONFLICT);
        assertThat(response.getBody().get("type").asText()).isEqualTo("/problems/" + rule);
    }

    private void assertBadField(String uri, String field) {
        ResponseEntity<JsonNode> response = get(uri);
        assertProblem(response, HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).as(uri).contains(field);
    }
}
