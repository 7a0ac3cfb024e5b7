package app.rapport.command.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.command.DecryptedPayloads;
import app.rapport.testsupport.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The command half of the HTTP contract, end to end against PostgreSQL: every command row, the
 * answers' versions and positions, safe retries, If-Match, and a problem document for every refusal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommandHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.axonframework.config.Configuration axon;

    CommandApi api;
    final Instant earlier = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void client() {
        api = new CommandApi(http.withBasicAuth(TestUsers.DEMO, TestUsers.passwordOf(TestUsers.DEMO)));
    }

    @Test
    void everyCommandOfTheLifecycleIsAcceptedInOrder() {
        UUID contact = addContact("Ada Lovelace");
        String c = "/api/contacts/" + contact;
        UUID interview = UUID.randomUUID();
        String i = c + "/interviews/" + interview;

        assertThat(api.exchange(HttpMethod.PATCH, c, "{\"organization\":\"Analytical Engines\"}", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(api.exchange(HttpMethod.PUT, c + "/cadence", "{\"days\":30}", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<Map<String, Object>> requested = api.post(c + "/interviews", """
                {"interviewId":"%s","channel":"EMAIL","durationMinutes":30,"purpose":"archives work","at":"%s"}"""
                .formatted(interview, earlier));
        assertThat(requested.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(requested.getBody()).containsEntry("interviewId", interview.toString());
        assertThat(requested.getHeaders().getLocation()).hasToString(i);

        assertOk(api.post(i + "/response", "{\"outcome\":\"ACCEPTED\",\"at\":\"%s\"}".formatted(earlier.plusSeconds(60))));
        assertOk(api.post(i + "/schedule", "{\"scheduledFor\":\"%s\",\"mode\":\"VIDEO\",\"at\":\"%s\"}"
                .formatted(earlier.plus(2, ChronoUnit.DAYS), earlier.plusSeconds(120))));
        assertOk(api.post(i + "/preparation", "{\"questions\":[\"How did you start?\"],\"at\":\"%s\"}"
                .formatted(earlier.plus(1, ChronoUnit.DAYS))));
        assertOk(api.post(i + "/hold", """
                {"heldAt":"%s","actualMinutes":35,"checklist":{"thankedAtStart":true,"introducedSelf":true,
                 "askedForReferrals":true,"thankedAtEnd":true}}""".formatted(earlier.plus(2, ChronoUnit.DAYS))));
        assertOk(api.post(i + "/thank-you", "{\"channel\":\"EMAIL\",\"at\":\"%s\"}"
                .formatted(earlier.plus(2, ChronoUnit.DAYS).plusSeconds(3600))));
        assertThat(api.post(c + "/follow-ups", "{\"kind\":\"ADVICE_TAKEN\",\"channel\":\"EMAIL\"}").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map<String, Object>> inquiry = api.post(c + "/job-inquiries", "{\"note\":\"any openings?\"}");
        assertThat(inquiry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertOk(api.post(c + "/archive", null));
        ResponseEntity<Map<String, Object>> restored = api.post(c + "/restore", null);
        assertOk(restored);

        List<String> types = jdbc.queryForList(
                "SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                String.class, contact.toString()).stream().map(t -> t.substring(t.lastIndexOf('.') + 1)).toList();
        assertThat(types).containsExactly("ContactAdded", "ContactDetailsChanged", "FollowUpCadenceSet",
                "InterviewRequested", "InterviewAccepted", "InterviewScheduled", "InterviewPrepared", "InterviewHeld",
                "ThankYouSent", "FollowUpLogged", "JobInquiryMade", "ContactArchived", "ContactRestored");
        assertThat(restored.getBody()).containsEntry("version", 13);
        assertThat(restored.getHeaders().getETag()).isEqualTo("\"13\"");
        Long last = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, contact.toString());
        assertThat(((Number) restored.getBody().get("position")).longValue()).isEqualTo(last);
    }

    @Test
    void cancellingAndDecliningAreRecorded() {
        String c = "/api/contacts/" + addContact("Grace Hopper");
        String declined = interview(c);
        String cancelled = interview(c);

        assertOk(api.post(declined + "/response", "{\"outcome\":\"DECLINED\",\"note\":\"too busy\"}"));
        assertOk(api.post(cancelled + "/cancel", "{\"reason\":\"found the answer elsewhere\"}"));
        assertThat(api.post(cancelled + "/response", "{\"outcome\":\"ACCEPTED\"}").getBody())
                .containsEntry("type", "/problems/interview-out-of-order");
    }

    @Test
    void actorAndCorrelationIdAreStampedOnEveryEvent() {
        UUID contact = addContact("Audit Me");

        String metaData = jdbc.queryForObject(
                "SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, contact.toString());
        assertThat(metaData).contains("\"actor\":\"demo\"").contains("\"correlationId\"");
    }

    @Test
    void repeatingACreateWithTheSameIdIsAnsweredAsTheFirstWas() {
        UUID id = UUID.randomUUID();
        String body = "{\"contactId\":\"%s\",\"name\":\"Retry\",\"source\":\"EVENT\"}".formatted(id);

        ResponseEntity<Map<String, Object>> first = api.post("/api/contacts", body);
        ResponseEntity<Map<String, Object>> again = api.post("/api/contacts", body);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(eventsOf(id)).isEqualTo(1);
    }

    @Test
    void reusingAnIdWithAnotherPayloadIsAConflict() {
        UUID id = UUID.randomUUID();
        api.post("/api/contacts", "{\"contactId\":\"%s\",\"name\":\"One\",\"source\":\"COLD\"}".formatted(id));

        ResponseEntity<Map<String, Object>> other = api.post("/api/contacts",
                "{\"contactId\":\"%s\",\"name\":\"Two\",\"source\":\"COLD\"}".formatted(id));

        assertProblem(other, HttpStatus.CONFLICT, "/problems/id-reused");
    }

    @Test
    void repeatingAnInterviewRequestWithTheSameIdChangesNothing() {
        String c = "/api/contacts/" + addContact("Idem Potent");
        String body = "{\"interviewId\":\"%s\",\"channel\":\"PHONE\",\"durationMinutes\":20,\"purpose\":\"x\"}"
                .formatted(UUID.randomUUID());

        ResponseEntity<Map<String, Object>> first = api.post(c + "/interviews", body);
        ResponseEntity<Map<String, Object>> again = api.post(c + "/interviews", body);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getBody()).isEqualTo(first.getBody());
    }

    @Test
    void ifMatchWithTheCurrentVersionIsAccepted() {
        String c = "/api/contacts/" + addContact("Versioned");

        ResponseEntity<Map<String, Object>> changed = api.exchange(HttpMethod.PATCH, c, "{\"role\":\"Archivist\"}", "\"1\"");

        assertOk(changed);
        assertThat(changed.getBody()).containsEntry("version", 2);
    }

    @Test
    void ifMatchWithAStaleVersionIsAConflictAndChangesNothing() {
        UUID id = addContact("Stale");
        api.exchange(HttpMethod.PATCH, "/api/contacts/" + id, "{\"role\":\"A\"}", null);

        ResponseEntity<Map<String, Object>> stale = api.exchange(HttpMethod.PATCH, "/api/contacts/" + id,
                "{\"role\":\"B\"}", "1");

        assertProblem(stale, HttpStatus.CONFLICT, "/problems/stale-version");
        assertThat(eventsOf(id)).isEqualTo(2);
    }

    @Test
    void malformedIfMatchIsABadRequest() {
        String c = "/api/contacts/" + addContact("Header");

        assertProblem(api.exchange(HttpMethod.PATCH, c, "{\"role\":\"A\"}", "yesterday"), HttpStatus.BAD_REQUEST,
                "/problems/invalid-request");
    }

    @Test
    void missingAndInvalidFieldsAreNamedInTheProblem() {
        String c = "/api/contacts/" + addContact("Validated");

        ResponseEntity<Map<String, Object>> answer = api.post(c + "/interviews",
                "{\"channel\":\"EMAIL\",\"durationMinutes\":5}");

        assertProblem(answer, HttpStatus.BAD_REQUEST, "/problems/invalid-request");
        assertThat(fields(answer)).containsExactly("durationMinutes", "purpose");
    }

    @Test
    void unknownEnumValueIsABadRequestNamingTheField() {
        ResponseEntity<Map<String, Object>> answer = api.post("/api/contacts", "{\"name\":\"X\",\"source\":\"MAGIC\"}");

        assertProblem(answer, HttpStatus.BAD_REQUEST, "/problems/invalid-request");
        assertThat(fields(answer)).containsExactly("source");
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertProblem(api.post("/api/contacts", "{\"name\":"), HttpStatus.BAD_REQUEST, "/problems/malformed-request");
    }

    @Test
    void aContactThatDoesNotExistIsNotFound() {
        assertProblem(api.post("/api/contacts/" + UUID.randomUUID() + "/archive", null), HttpStatus.NOT_FOUND,
                "/problems/contact-not-found");
    }

    @Test
    void anInterviewThatDoesNotExistIsNotFound() {
        String c = "/api/contacts/" + addContact("No Interview");

        assertProblem(api.post(c + "/interviews/" + UUID.randomUUID() + "/response", "{\"outcome\":\"ACCEPTED\"}"),
                HttpStatus.NOT_FOUND, "/problems/interview-not-found");
    }

    @Test
    void aRuleRefusalNamesTheRuleAndTheState() {
        String c = "/api/contacts/" + addContact("Too Early");

        ResponseEntity<Map<String, Object>> answer = api.post(c + "/job-inquiries", "{}");

        assertProblem(answer, HttpStatus.CONFLICT, "/problems/relationship-not-established");
        assertThat((String) answer.getBody().get("detail")).contains("not established");
    }

    @Test
    void anEarlyJobInquiryIsAcceptedWhenAcknowledged() {
        UUID id = addContact("Acknowledged");

        assertThat(api.post("/api/contacts/" + id + "/job-inquiries", "{\"acknowledgeEarly\":true}").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        String payload = jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE '%JobInquiryMade'""", String.class, id.toString());
        assertThat(payload).contains("\"early\":true");
    }

    @Test
    void aTimeInTheFutureIsRefused() {
        String c = "/api/contacts/" + addContact("Future");

        assertProblem(api.post(c + "/follow-ups", "{\"kind\":\"CHECK_IN\",\"channel\":\"EMAIL\",\"at\":\"%s\"}"
                .formatted(Instant.now().plus(1, ChronoUnit.HOURS))), HttpStatus.CONFLICT, "/problems/at-in-future");
    }

    @Test
    void aReferralCreatesTheReferredContactAndRecordsItOnTheReferrer() {
        UUID referrer = addContact("Referrer");
        UUID referred = UUID.randomUUID();

        ResponseEntity<Map<String, Object>> answer = api.post("/api/contacts/" + referrer + "/referrals",
                "{\"contactId\":\"%s\",\"name\":\"Referred Person\"}".formatted(referred));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getBody()).containsEntry("contactId", referred.toString()).containsEntry("version", 1);
        String added = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ?", String.class, referred.toString());
        assertThat(added).contains("\"source\":\"REFERRAL\"").contains("\"referredBy\":\"" + referrer + "\"");
        assertThat(eventsOf(referrer)).isEqualTo(2);
    }

    @Test
    void aReferralWithAnotherSourceIsABadRequest() {
        UUID referrer = addContact("Referrer Two");

        assertProblem(api.post("/api/contacts/" + referrer + "/referrals", "{\"name\":\"X\",\"source\":\"COLD\"}"),
                HttpStatus.BAD_REQUEST, "/problems/invalid-request");
    }

    @Test
    void profileAndMentorGrantsAreCommandsOnTheNetworker() {
        assertOk(api.exchange(HttpMethod.PUT, "/api/profile",
                "{\"displayName\":\"Demo User\",\"interests\":[\"archives\"]}", null));
        assertOk(api.exchange(HttpMethod.PUT, "/api/mentors/mentor.one", null, null));
        ResponseEntity<Map<String, Object>> revoked = api.exchange(HttpMethod.DELETE, "/api/mentors/mentor.one", null, null);

        assertOk(revoked);
        assertThat(revoked.getBody()).containsEntry("username", "demo");
    }

    @Test
    void aBodyOverTheLimitIsTooLarge() {
        String notes = "x".repeat(70 * 1024);

        ResponseEntity<Map<String, Object>> answer = api.post("/api/contacts",
                "{\"name\":\"Big\",\"source\":\"COLD\",\"notes\":\"%s\"}".formatted(notes));

        assertProblem(answer, HttpStatus.PAYLOAD_TOO_LARGE, "/problems/body-too-large");
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);
        ResponseEntity<String> answer = api.http().exchange("/api/contacts", HttpMethod.POST,
                new org.springframework.http.HttpEntity<>("name=x", headers), String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aNudgeIsRecordedOnce_andASecondIsAConflict() {
        String c = "/api/contacts/" + addContact("Nudged Once");
        String i = interview(c);

        ResponseEntity<Map<String, Object>> nudged = api.post(i + "/nudge", "{\"channel\":\"EMAIL\",\"note\":\"bump\"}");

        assertOk(nudged);
        assertThat(nudged.getBody()).containsKeys("contactId", "interviewId", "version", "position");
        assertProblem(api.post(i + "/nudge", "{\"channel\":\"EMAIL\"}"), HttpStatus.CONFLICT,
                "/problems/nudge-already-sent");
    }

    @Test
    void aNudgeForAnAnsweredRequestIsAConflictNamingTheState() {
        String c = "/api/contacts/" + addContact("Answered Already");
        String i = interview(c);
        assertOk(api.post(i + "/response", "{\"outcome\":\"ACCEPTED\"}"));

        ResponseEntity<Map<String, Object>> answer = api.post(i + "/nudge", "{\"channel\":\"EMAIL\"}");

        assertProblem(answer, HttpStatus.CONFLICT, "/problems/interview-out-of-order");
        assertThat((String) answer.getBody().get("detail")).contains("it is ACCEPTED");
    }

    @Test
    void aNudgeWithoutAChannelIsABadRequest() {
        String c = "/api/contacts/" + addContact("Nudge Without Channel");

        ResponseEntity<Map<String, Object>> answer = api.post(interview(c) + "/nudge", "{\"note\":\"bump\"}");

        assertProblem(answer, HttpStatus.BAD_REQUEST, "/problems/invalid-request");
        assertThat(fields(answer)).containsExactly("channel");
    }

    @Test
    void aLateAnswerIsAcceptedAfterNoResponse() {
        String c = "/api/contacts/" + addContact("Late Answer");
        String i = interview(c);
        assertOk(api.post(i + "/response", "{\"outcome\":\"NO_RESPONSE\"}"));

        assertOk(api.post(i + "/response", "{\"outcome\":\"ACCEPTED\",\"note\":\"sorry, I was away\"}"));
    }

    @Test
    void aStepDatedBeforeTheStepItFollowsIsAConflict() {
        UUID contact = addContact("Out Of Order");
        String i = heldInterview(contact);

        assertProblem(api.post(i + "/thank-you", "{\"channel\":\"EMAIL\",\"at\":\"%s\"}".formatted(earlier)),
                HttpStatus.CONFLICT, "/problems/before-previous-step");
    }

    @Test
    void aCorrectionIsRecordedAsAnEventNamingTheEntry() {
        UUID contact = addContact("Corrected");
        heldInterview(contact);
        String hold = entryId(contact, "InterviewHeld");

        ResponseEntity<Map<String, Object>> corrected = api.post("/api/contacts/" + contact + "/entries/" + hold
                + "/correction", "{\"actualMinutes\":25,\"reason\":\"misread the clock\"}");

        assertOk(corrected);
        assertThat(corrected.getBody()).containsEntry("contactId", contact.toString()).containsEntry("version", 6);
        // the reason is personal, stored encrypted: read through the app's serializer
        String payload = new DecryptedPayloads(jdbc, axon.eventSerializer())
                .one("aggregate_identifier = ? AND payload_type LIKE '%EntryCorrected'", contact.toString());
        assertThat(payload).contains("\"entryId\":\"" + hold + "\"").contains("\"entryType\":\"InterviewHeld\"")
                .contains("\"actualMinutes\":25").contains("misread the clock");
    }

    @Test
    void aCorrectionOfAFieldTheEntryDoesNotHaveIsAConflictNamingItsFields() {
        UUID contact = addContact("Wrong Field");
        heldInterview(contact);

        ResponseEntity<Map<String, Object>> answer = api.post("/api/contacts/" + contact + "/entries/"
                + entryId(contact, "InterviewAccepted") + "/correction", "{\"actualMinutes\":25,\"reason\":\"x\"}");

        assertProblem(answer, HttpStatus.CONFLICT, "/problems/not-correctable");
        assertThat((String) answer.getBody().get("detail")).contains("InterviewAccepted has only at, note");
        assertThat(eventsOf(contact)).isEqualTo(5);
    }

    @Test
    void aCorrectionWithoutAReasonIsABadRequest() {
        UUID contact = addContact("No Reason");
        heldInterview(contact);

        ResponseEntity<Map<String, Object>> answer = api.post("/api/contacts/" + contact + "/entries/"
                + entryId(contact, "InterviewHeld") + "/correction", "{\"actualMinutes\":25}");

        assertProblem(answer, HttpStatus.BAD_REQUEST, "/problems/invalid-request");
        assertThat(fields(answer)).containsExactly("reason");
    }

    @Test
    void aCorrectionOfAnUnknownEntryIsNotFound_whateverTheIdLooksLike() {
        String c = "/api/contacts/" + addContact("Unknown Entry");
        String body = "{\"note\":\"x\",\"reason\":\"x\"}";

        assertProblem(api.post(c + "/entries/" + UUID.randomUUID() + "/correction", body), HttpStatus.NOT_FOUND,
                "/problems/entry-not-found");
        assertProblem(api.post(c + "/entries/not-an-event-id/correction", body), HttpStatus.NOT_FOUND,
                "/problems/entry-not-found");
    }

    @Test
    void anEntryOfAnotherContactIsNotFound() {
        UUID other = addContact("Other Contact");
        String c = "/api/contacts/" + addContact("This Contact");

        assertProblem(api.post(c + "/entries/" + entryId(other, "ContactAdded") + "/retraction",
                "{\"reason\":\"x\"}"), HttpStatus.NOT_FOUND, "/problems/entry-not-found");
    }

    @Test
    void aRetractedHoldReturnsTheInterviewToScheduled_soItCanBeHeldAgain() {
        UUID contact = addContact("Retracted Hold");
        String i = heldInterview(contact);

        ResponseEntity<Map<String, Object>> retracted = api.post("/api/contacts/" + contact + "/entries/"
                + entryId(contact, "InterviewHeld") + "/retraction", "{\"reason\":\"it was called off\"}");

        assertOk(retracted);
        assertThat(retracted.getBody()).containsEntry("version", 6);
        assertOk(api.post(i + "/hold", "{\"heldAt\":\"%s\",\"actualMinutes\":20}"
                .formatted(earlier.plus(2, ChronoUnit.DAYS))));
    }

    @Test
    void retractingTheRequestItselfIsAConflictSayingWhatCanBeRetracted() {
        UUID contact = addContact("Retract Request");
        interview("/api/contacts/" + contact);

        ResponseEntity<Map<String, Object>> answer = api.post("/api/contacts/" + contact + "/entries/"
                + entryId(contact, "InterviewRequested") + "/retraction", "{\"reason\":\"x\"}");

        assertProblem(answer, HttpStatus.CONFLICT, "/problems/not-retractable");
        assertThat((String) answer.getBody().get("detail")).contains("the latest step of an interview can be retracted");
    }

    @Test
    void aRetractionWithABlankReasonIsABadRequest() {
        UUID contact = addContact("Blank Reason");

        assertProblem(api.post("/api/contacts/" + contact + "/entries/" + entryId(contact, "ContactAdded")
                + "/retraction", "{\"reason\":\"  \"}"), HttpStatus.BAD_REQUEST, "/problems/invalid-request");
    }

    @Test
    void aJobInquiryIsAnsweredWithItsId_andRepeatingItIsAnsweredAsTheFirst() {
        UUID contact = addContact("Inquired");
        UUID inquiry = UUID.randomUUID();
        String body = "{\"inquiryId\":\"%s\",\"note\":\"openings?\",\"acknowledgeEarly\":true}".formatted(inquiry);

        ResponseEntity<Map<String, Object>> first = api.post("/api/contacts/" + contact + "/job-inquiries", body);
        ResponseEntity<Map<String, Object>> again = api.post("/api/contacts/" + contact + "/job-inquiries", body);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody()).containsEntry("inquiryId", inquiry.toString());
        assertThat(first.getHeaders().getLocation()).hasToString("/api/contacts/" + contact + "/job-inquiries/" + inquiry);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(eventsOf(contact)).isEqualTo(2);
        assertProblem(api.post("/api/contacts/" + contact + "/job-inquiries", body.replace("openings?", "other")),
                HttpStatus.CONFLICT, "/problems/id-reused");
    }

    @Test
    void aJobInquiryWithoutAnIdIsGivenOne() {
        UUID contact = addContact("Inquired Without Id");

        ResponseEntity<Map<String, Object>> answer = api.post("/api/contacts/" + contact + "/job-inquiries",
                "{\"acknowledgeEarly\":true}");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(UUID.fromString((String) answer.getBody().get("inquiryId"))).isNotNull();
    }

    /** Requested, accepted, scheduled and held, a day apart from {@link #earlier}: five events on the contact. */
    private String heldInterview(UUID contact) {
        UUID id = UUID.randomUUID();
        String i = "/api/contacts/" + contact + "/interviews/" + id;
        assertThat(api.post("/api/contacts/" + contact + "/interviews", """
                {"interviewId":"%s","channel":"EMAIL","durationMinutes":20,"purpose":"careers","at":"%s"}"""
                .formatted(id, earlier)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertOk(api.post(i + "/response", "{\"outcome\":\"ACCEPTED\",\"at\":\"%s\"}".formatted(earlier.plusSeconds(60))));
        assertOk(api.post(i + "/schedule", "{\"scheduledFor\":\"%s\",\"mode\":\"VIDEO\",\"at\":\"%s\"}"
                .formatted(earlier.plus(2, ChronoUnit.DAYS), earlier.plusSeconds(120))));
        assertOk(api.post(i + "/hold", "{\"heldAt\":\"%s\",\"actualMinutes\":35}"
                .formatted(earlier.plus(2, ChronoUnit.DAYS))));
        return i;
    }

    /** The event id of the contact's latest event of this type, as the timeline names it. */
    private String entryId(UUID contact, String type) {
        return jdbc.queryForObject("""
                SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?
                ORDER BY sequence_number DESC LIMIT 1""", String.class, contact.toString(), "%." + type);
    }

    private UUID addContact(String name) {
        UUID id = UUID.randomUUID();
        ResponseEntity<Map<String, Object>> answer = api.post("/api/contacts", """
                {"contactId":"%s","name":"%s","source":"COLD","preferredChannel":"EMAIL","at":"%s"}"""
                .formatted(id, name, earlier.minus(1, ChronoUnit.DAYS)));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getBody()).containsEntry("contactId", id.toString()).containsEntry("version", 1);
        return id;
    }

    private String interview(String contactPath) {
        UUID id = UUID.randomUUID();
        assertThat(api.post(contactPath + "/interviews", """
                {"interviewId":"%s","channel":"EMAIL","durationMinutes":20,"purpose":"careers"}""".formatted(id))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return contactPath + "/interviews/" + id;
    }

    private int eventsOf(UUID aggregate) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, aggregate.toString());
    }

    private static void assertOk(ResponseEntity<Map<String, Object>> answer) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
    }

    private static void assertProblem(ResponseEntity<Map<String, Object>> answer, HttpStatus status, String type) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody()).containsEntry("type", type).containsEntry("status", status.value());
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(ResponseEntity<Map<String, Object>> answer) {
        return ((List<Map<String, Object>>) answer.getBody().get("errors")).stream()
                .map(error -> (String) error.get("field")).toList();
    }
}
