package app.rapport.query;

import org.axonframework.eventhandling.StreamingEventProcessor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import app.rapport.values.Channel;
import app.rapport.values.ContactSource;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The query API's contract over HTTP. The caller is the default user {@code demo}; most tests
 * read a fresh mentee's journal shared with demo, so tests never see each other's data.
 */
class QueryApiTest extends QueryIntegrationTest {

    static final String CALLER = "demo";
    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    /** A fresh networker who granted the caller mentor access. */
    Journal mentee() {
        Journal journal = journal();
        journal.grant(CALLER, T0);
        return journal;
    }

    ResponseEntity<JsonNode> get(String uri) {
        return http.getForEntity(uri, JsonNode.class);
    }

    void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
    }

    void assertBadField(String uri, String field) {
        ResponseEntity<JsonNode> response = get(uri);
        assertProblem(response, HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().has("errors")).as(uri + " → " + response.getBody()).isTrue();
        assertThat(response.getBody().get("errors").findValuesAsText("field")).contains(field);
    }

    // --- contacts

    @Test
    void contacts_listsSummaries_searchesNameAndOrganizationIgnoringCase_filtersByStage_andPages() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", "City Archives", "archives", ContactSource.COLD, Channel.EMAIL, T0);
        mentee.contact("Omar Haddad", "Museum of Maps", "curation", ContactSource.EVENT, Channel.PHONE, T0);
        var lee = mentee.contact("Lee Park", "State ARCHIVES", "archives", ContactSource.SOCIAL, Channel.EMAIL, T0);
        lee.request(Channel.EMAIL, 30, "archives work", T0.plusSeconds(60));
        awaitProjections();
        String base = "/api/contacts?owner=" + mentee.owner();

        JsonNode all = ok(base);
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(all.get("page").asInt()).isZero();
        assertThat(all.get("size").asInt()).isEqualTo(50);
        assertThat(all.get("items").findValuesAsText("name")).containsExactly("Lee Park", "Maya Chen", "Omar Haddad");
        JsonNode first = all.get("items").get(1);
        assertThat(first.get("contactId").asText()).isEqualTo(maya.id.toString());
        assertThat(first.get("stage").asText()).isEqualTo("NEW");
        assertThat(first.has("lastTouchAt")).isTrue();
        assertThat(first.has("nextFollowUpDue")).isTrue();

        assertThat(ok(base + "&q=archives").get("items").findValuesAsText("name")).containsExactly("Lee Park", "Maya Chen");
        assertThat(ok(base + "&q=hAdDaD").get("items").findValuesAsText("name")).containsExactly("Omar Haddad");
        assertThat(ok(base + "&stage=REQUESTED").get("items").findValuesAsText("name")).containsExactly("Lee Park");

        JsonNode page1 = ok(base + "&page=1&size=2");
        assertThat(page1.get("items").findValuesAsText("name")).containsExactly("Omar Haddad");
        assertThat(page1.get("total").asLong()).isEqualTo(3);
        assertThat(page1.get("size").asInt()).isEqualTo(2);
    }

    @Test
    void contactDetail_includesInterviewsAndFollowUps() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, T0).hold(interview, 30, 35, T0.plus(Duration.ofDays(2)))
                .thank(interview, T0.plus(Duration.ofDays(3))).followUp(T0.plus(Duration.ofDays(10)));
        awaitProjections();

        JsonNode detail = ok("/api/contacts/" + maya.id + "?owner=" + mentee.owner());

        assertThat(detail.get("stage").asText()).isEqualTo("ESTABLISHED");
        assertThat(detail.get("interviews")).hasSize(1);
        assertThat(detail.get("interviews").get(0).get("status").asText()).isEqualTo("THANKED");
        assertThat(detail.get("interviews").get(0).get("actualMinutes").asInt()).isEqualTo(35);
        assertThat(detail.get("followUps")).hasSize(1);
        assertThat(detail.get("nextFollowUpDue").asText()).isEqualTo("2026-03-16T09:00:00Z");
    }

    @Test
    void unknownContact_isNotFound() {
        assertProblem(get("/api/contacts/" + UUID.randomUUID()), HttpStatus.NOT_FOUND);
    }

    @Test
    void badContactId_isBadRequest() {
        assertProblem(get("/api/contacts/not-a-uuid"), HttpStatus.BAD_REQUEST);
    }

    // --- owner= and mentees

    @Test
    void someoneElsesJournal_withoutAGrant_isNotFound_evenForAnExistingContact() {
        Journal stranger = journal();
        var maya = stranger.contact("Maya Chen", T0);
        awaitProjections();

        assertProblem(get("/api/contacts?owner=" + stranger.owner()), HttpStatus.NOT_FOUND);
        assertProblem(get("/api/contacts/" + maya.id), HttpStatus.NOT_FOUND);
        assertProblem(get("/api/contacts/" + maya.id + "/timeline?owner=" + stranger.owner()), HttpStatus.NOT_FOUND);
    }

    @Test
    void revokedGrant_closesTheJournalAgain_andMenteesListsOnlyStandingGrants() {
        Journal kept = mentee();
        Journal revoked = mentee();
        revoked.revoke(CALLER, T0.plusSeconds(60));
        awaitProjections();

        assertProblem(get("/api/contacts?owner=" + revoked.owner()), HttpStatus.NOT_FOUND);
        JsonNode mentees = ok("/api/mentees?size=200");
        assertThat(mentees.get("items").findValuesAsText("username"))
                .contains(kept.owner()).doesNotContain(revoked.owner());
    }

    // --- timeline

    @Test
    void timeline_listsEntriesByAt_withSummaryAndFlags() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.PHONE, 30, "archives work", T0.plusSeconds(60));
        maya.accept(interview, T0.plusSeconds(120)).hold(interview, 30, 50, T0.plus(Duration.ofDays(2)));
        awaitProjections();

        JsonNode timeline = ok("/api/contacts/" + maya.id + "/timeline?owner=" + mentee.owner());

        assertThat(timeline.get("total").asLong()).isEqualTo(4);
        JsonNode request = timeline.get("items").get(1);
        assertThat(request.get("type").asText()).isEqualTo("InterviewRequested");
        assertThat(request.get("summary").asText()).isEqualTo("Asked for a 30-minute phone interview about archives work");
        assertThat(request.get("interviewId").asText()).isEqualTo(interview.toString());
        assertThat(request.get("details").get("purpose").asText()).isEqualTo("archives work");
        assertThat(request.get("flags").get(0).asText()).isEqualTo("IGNORED_PREFERRED_CHANNEL");
        assertThat(timeline.get("items").get(3).get("flags").toString()).contains("OVERRAN", "UNPREPARED");
    }

    @Test
    void timelineAsOf_showsOnlyWhatWasRecordedByThen_evenWhenItHappenedEarlier() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0.plusSeconds(60));
        Instant review = T0.plus(Duration.ofDays(1));
        // held on day 2 but logged on day 5, after the mentor's review on day 1... and a later review
        maya.append(new app.rapport.events.interview.InterviewHeld(maya.id, mentee.owner(), interview, 30, 30,
                "notes", Journal.FULL_CHECKLIST, T0.plus(Duration.ofDays(2))), T0.plus(Duration.ofDays(5)));
        awaitProjections();
        String uri = "/api/contacts/" + maya.id + "/timeline?owner=" + mentee.owner();

        JsonNode thatDay = ok(uri + "&asOf=" + review);
        assertThat(thatDay.get("items").findValuesAsText("type")).containsExactly("ContactAdded", "InterviewRequested");
        assertThat(thatDay.get("total").asLong()).isEqualTo(2);

        JsonNode now = ok(uri + "&asOf=" + T0.plus(Duration.ofDays(6)));
        assertThat(now).isEqualTo(ok(uri));
    }

    @Test
    void timeline_entriesCarryTheIdOfTheirEvent_whichACorrectionNames() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0.plusSeconds(60));
        String request = maya.lastEventId();
        maya.correct(request, app.rapport.events.interview.InterviewRequested.class, interview, null,
                new app.rapport.values.EntryChanges(null, null, null, "Dear Maya", null, null), "the real message",
                T0.plusSeconds(120));
        awaitProjections();

        JsonNode items = ok("/api/contacts/" + maya.id + "/timeline?owner=" + mentee.owner()).get("items");

        assertThat(items).hasSize(3).allSatisfy(item -> assertThat(item.get("entryId").asText()).isNotBlank());
        JsonNode corrected = items.get(1);
        assertThat(corrected.get("entryId").asText()).isEqualTo(request);
        assertThat(corrected.get("details").get("message").asText()).isEqualTo("Dear Maya");
        assertThat(corrected.get("flags").toString()).contains("CORRECTED");
        assertThat(corrected.get("details").get("corrections").get(0).get("reason").asText())
                .isEqualTo("the real message");
        assertThat(items.get(2).get("details").get("entryId").asText()).isEqualTo(request);
    }

    // --- follow-ups

    @Test
    void overdue_defaultsToTheClocksNow_mostOverdueFirst_withLookaheadAndKind() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        UUID asked = maya.request(Channel.EMAIL, 30, "archives work", NOW.minus(Duration.ofDays(10)));  // nudge due -3d
        var omar = mentee.contact("Omar Haddad", T0);
        UUID held = omar.request(Channel.EMAIL, 30, "maps", T0);
        omar.accept(held, T0).hold(held, 30, 30, NOW.minus(Duration.ofHours(30)));                       // thank-you due -6h
        var lee = mentee.contact("Lee Park", T0);
        UUID soon = lee.request(Channel.EMAIL, 30, "archives", NOW.minus(Duration.ofDays(5)));            // nudge due +2d
        awaitProjections();
        String base = "/api/follow-ups/overdue?owner=" + mentee.owner();

        JsonNode overdue = ok(base);
        assertThat(overdue.get("items").findValuesAsText("kind")).containsExactly("RESPONSE_NUDGE", "THANK_YOU");
        JsonNode first = overdue.get("items").get(0);
        assertThat(first.get("contactId").asText()).isEqualTo(maya.id.toString());
        assertThat(first.get("contactName").asText()).isEqualTo("Maya Chen");
        assertThat(first.get("interviewId").asText()).isEqualTo(asked.toString());
        assertThat(first.get("dueAt").asText()).isEqualTo(NOW.minus(Duration.ofDays(3)).toString());
        assertThat(first.get("overdueBy").asText()).isEqualTo("PT72H");
        assertThat(overdue.get("items").get(1).get("overdueBy").asText()).isEqualTo("PT6H");

        JsonNode ahead = ok(base + "&lookahead=P3D");
        assertThat(ahead.get("total").asLong()).isEqualTo(3);
        assertThat(ahead.get("items").get(2).get("interviewId").asText()).isEqualTo(soon.toString());
        assertThat(ahead.get("items").get(2).get("overdueBy").asText()).isEqualTo("PT-48H");

        assertThat(ok(base + "&kind=THANK_YOU").get("items").findValuesAsText("contactName"))
                .containsExactly("Omar Haddad");
        assertThat(ok(base + "&asOf=" + NOW.minus(Duration.ofDays(4))).get("total").asLong()).isZero();
    }

    @Test
    void overdue_badLookaheadOrKind_isBadRequestNamingTheField() {
        assertBadField("/api/follow-ups/overdue?lookahead=soon", "lookahead");
        assertBadField("/api/follow-ups/overdue?lookahead=-P1D", "lookahead");
        assertBadField("/api/follow-ups/overdue?kind=LUNCH", "kind");
        assertBadField("/api/follow-ups/overdue?asOf=yesterday", "asOf");
    }

    // --- analytics

    @Test
    void outreach_groupsByChannel_withCountsRatesAndMedian() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        UUID accepted = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(accepted, T0.plus(Duration.ofHours(6)));
        UUID declined = maya.request(Channel.EMAIL, 30, "records", T0);
        maya.decline(declined, T0.plus(Duration.ofHours(2)));
        maya.request(Channel.PHONE, 30, "maps", T0);
        awaitProjections();

        JsonNode report = ok("/api/analytics/outreach?groupBy=channel&owner=" + mentee.owner()
                + "&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z");

        assertThat(report.get("groupBy").asText()).isEqualTo("channel");
        assertThat(report.get("from").asText()).isEqualTo("2026-01-01T00:00:00Z");
        JsonNode email = report.get("rows").get(0);
        assertThat(email.get("key").asText()).isEqualTo("EMAIL");
        assertThat(email.get("requests").asLong()).isEqualTo(2);
        assertThat(email.get("responses").asLong()).isEqualTo(2);
        assertThat(email.get("responseRate").asDouble()).isEqualTo(1.0);
        assertThat(email.get("acceptanceRate").asDouble()).isEqualTo(0.5);
        assertThat(email.get("medianHoursToResponse").asDouble()).isEqualTo(4.0);
        JsonNode phone = report.get("rows").get(1);
        assertThat(phone.get("pending").asLong()).isEqualTo(1);
        assertThat(phone.get("acceptanceRate").isNull()).isTrue();
        assertThat(phone.get("medianHoursToResponse").isNull()).isTrue();
    }

    @Test
    void outreach_unknownOrMissingGroupBy_isBadRequestNamingGroupBy() {
        assertBadField("/api/analytics/outreach?groupBy=weather", "groupBy");
        assertBadField("/api/analytics/outreach", "groupBy");
        assertBadField("/api/analytics/outreach?groupBy=month&from=tomorrow", "from");
    }

    // --- audit

    @Test
    void audit_listsRecordedEventsOldestFirst_withActorAndPayload() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0.plusSeconds(10));
        maya.request(Channel.EMAIL, 30, "archives work", T0.plusSeconds(20));
        awaitProjections();

        JsonNode audit = ok("/api/audit?owner=" + mentee.owner());
        assertThat(audit.get("items").findValuesAsText("type"))
                .containsExactly("MentorAccessGranted", "ContactAdded", "InterviewRequested");
        JsonNode request = audit.get("items").get(2);
        assertThat(request.get("actor").asText()).isEqualTo(mentee.owner());
        assertThat(request.get("contactId").asText()).isEqualTo(maya.id.toString());
        assertThat(request.get("recordedAt").asText()).isEqualTo(T0.plusSeconds(20).toString());
        assertThat(request.get("payload").get("purpose").asText()).isEqualTo("archives work");

        assertThat(ok("/api/audit?owner=" + mentee.owner() + "&contactId=" + maya.id + "&from="
                + T0.plusSeconds(15)).get("items").findValuesAsText("type")).containsExactly("InterviewRequested");
    }

    // --- consistentWith

    @Test
    void consistentWith_answersOnceTheReadModelHasProcessedThePosition() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        long position = maya.position();

        JsonNode detail = ok("/api/contacts/" + maya.id + "?owner=" + mentee.owner() + "&consistentWith=" + position);

        assertThat(detail.get("name").asText()).isEqualTo("Maya Chen");
    }

    @Test
    void consistentWith_aPositionNotReachedWithinTheWait_is503WithRetryAfter() {
        StreamingEventProcessor contacts = processing.eventProcessor("contacts", StreamingEventProcessor.class)
                .orElseThrow();
        contacts.shutDown();
        try {
            long position = journal().contact("Waiting", T0).position();

            ResponseEntity<JsonNode> response = get("/api/contacts?consistentWith=" + position);

            assertProblem(response, HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
            assertThat(response.getBody().get("type").asText()).isEqualTo("/problems/not-yet-consistent");
        } finally {
            contacts.start();
        }
    }

    @Test
    void consistentWith_aPositionNoCommandAnswered_isBadRequest() {
        assertBadField("/api/contacts?consistentWith=" + Long.MAX_VALUE / 2, "consistentWith");
        assertBadField("/api/contacts?consistentWith=-1", "consistentWith");
    }

    @Test
    void consistentWith_notANumber_isBadRequest() {
        assertBadField("/api/contacts?consistentWith=latest", "consistentWith");
    }

    // --- paging, on every list

    @Test
    void everyList_refusesSizeZeroAndAbove200AndNegativePages_namingTheField() {
        UUID contact = UUID.randomUUID();
        for (String list : new String[] {"/api/contacts", "/api/contacts/" + contact + "/timeline",
                "/api/follow-ups/overdue", "/api/audit", "/api/mentees"}) {
            assertBadField(list + "?size=0", "size");
            assertBadField(list + "?size=201", "size");
            assertBadField(list + "?page=-1", "page");
            assertBadField(list + "?size=ten", "size");
        }
    }

    @Test
    void size200_isAllowed() {
        assertThat(ok("/api/contacts?size=200").get("size").asInt()).isEqualTo(200);
    }
}
