package app.rapport.query.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import app.rapport.events.interview.InterviewHeld;
import app.rapport.query.Journal;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.values.Channel;
import app.rapport.values.EntryChanges;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The reports over HTTP: their shape, who may read them, and the parameters they refuse. */
class ReportsApiTest extends QueryIntegrationTest {

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

    void assertStatus(String uri, HttpStatus status) {
        ResponseEntity<JsonNode> response = get(uri);
        assertThat(response.getStatusCode()).as(uri + " → " + response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    void assertBadField(String uri, String field) {
        ResponseEntity<JsonNode> response = get(uri);
        assertStatus(uri, HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).as(uri).contains(field);
    }

    @Test
    void practice_answersCountsRatesAndPagedSlips_forAMentorWithAGrant() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, T0).hold(interview, 30, 45, T0.plus(Duration.ofDays(2)));
        long position = maya.position();

        JsonNode report = ok("/api/reports/practice?owner=" + mentee.owner() + "&consistentWith=" + position
                + "&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z&size=1");

        assertThat(report.get("from").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(report.get("asOf").asText()).isEqualTo(NOW.toString());
        assertThat(report.get("held").asLong()).isEqualTo(1);
        assertThat(report.get("keptToTime").asLong()).isZero();
        assertThat(report.get("keptToTimeRate").asDouble()).isZero();
        assertThat(report.get("thankedAtStartRate").asDouble()).isEqualTo(1.0);
        assertThat(report.get("nudgesSentRate").isNull()).as("no nudge was due").isTrue();
        assertThat(report.get("earlyJobInquiriesRate").isNull()).isTrue();
        JsonNode slips = report.get("slips");
        assertThat(slips.get("total").asLong()).as("overran, unprepared, no thank-you").isEqualTo(3);
        assertThat(slips.get("size").asInt()).isEqualTo(1);
        JsonNode first = slips.get("items").get(0);
        assertThat(first.get("contactId").asText()).isEqualTo(maya.id.toString());
        assertThat(first.get("contactName").asText()).isEqualTo("Maya Chen");
        assertThat(first.get("interviewId").asText()).isEqualTo(interview.toString());
        assertThat(first.get("at").asText()).isEqualTo("2026-01-07T09:00:00Z");
        assertThat(first.get("flag").asText()).isEqualTo("OVERRAN");
    }

    @Test
    void referrals_answersRowsAndTotals_forAMentorWithAGrant() {
        Journal mentee = mentee();
        var ana = mentee.contact("Ana Ruiz", T0);
        var ben = ana.referral("Ben Ode", T0.plus(Duration.ofDays(1)));
        ben.request(Channel.EMAIL, 30, "records", T0.plus(Duration.ofDays(2)));

        JsonNode report = ok("/api/reports/referrals?owner=" + mentee.owner() + "&consistentWith=" + ben.position());

        JsonNode row = report.get("rows").get(0);
        assertThat(row.get("contactId").asText()).isEqualTo(ana.id.toString());
        assertThat(row.get("contactName").asText()).isEqualTo("Ana Ruiz");
        assertThat(row.get("referralsGiven").asLong()).isEqualTo(1);
        assertThat(row.get("referralsRequested").asLong()).isEqualTo(1);
        assertThat(row.get("referralsInterviewed").asLong()).isZero();
        assertThat(row.get("yield").asDouble()).isZero();
        assertThat(report.get("totals").get("referralsGiven").asLong()).isEqualTo(1);
        assertThat(report.get("totals").get("yield").asDouble()).isZero();
    }

    /**
     * Held 7 Jan 09:00, 45 minutes of 30, never prepared; thanked 9 Jan (late, recorded then); the
     * hold corrected to 30 minutes on 10 Jan. A mentor who reviewed on 8 Jan at noon saw an overrun
     * and a thank-you missed; today there is no overrun and the thank-you is late.
     */
    @Test
    void practice_asOfAnEarlierReview_isTheJournalAsRecordedThen_judgedThen() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, T0).hold(interview, 30, 45, T0.plus(Duration.ofDays(2)));
        String hold = maya.lastEventId();
        maya.thank(interview, T0.plus(Duration.ofDays(4)))
                .correct(hold, InterviewHeld.class, interview, null, new EntryChanges(null, null, 30, null, null, null),
                        "misread the clock", T0.plus(Duration.ofDays(5)));
        String uri = "/api/reports/practice?owner=" + mentee.owner() + "&consistentWith=" + maya.position();

        JsonNode then = ok(uri + "&asOf=2026-01-08T12:00:00Z");
        JsonNode now = ok(uri);

        assertThat(then.get("asOf").asText()).isEqualTo("2026-01-08T12:00:00Z");
        assertThat(then.get("keptToTime").asLong()).isZero();
        assertThat(then.get("thankYousDue").asLong()).isEqualTo(1);
        assertThat(then.get("thankYouInTime").asLong()).isZero();
        assertThat(then.get("slips").get("items").findValuesAsText("flag"))
                .containsExactly("OVERRAN", "UNPREPARED", "NO_THANK_YOU");
        assertThat(now.get("keptToTime").asLong()).isEqualTo(1);
        assertThat(now.get("slips").get("items").findValuesAsText("flag"))
                .containsExactly("UNPREPARED", "LATE_THANK_YOU");
    }

    @Test
    void referrals_asOfAnEarlierReview_leaveOutWhatWasRecordedSince() {
        Journal mentee = mentee();
        var ana = mentee.contact("Ana Ruiz", T0);
        var ben = ana.referral("Ben Ode", T0.plus(Duration.ofDays(1)));
        UUID interview = ben.request(Channel.EMAIL, 30, "records", T0.plus(Duration.ofDays(2)));
        ben.accept(interview, T0.plus(Duration.ofDays(3))).hold(interview, 30, 30, T0.plus(Duration.ofDays(10)));
        ana.referral("Cai Lin", T0.plus(Duration.ofDays(11)));
        String uri = "/api/reports/referrals?owner=" + mentee.owner() + "&consistentWith=" + ana.position();

        JsonNode then = ok(uri + "&asOf=2026-01-09T00:00:00Z").get("rows").get(0);
        JsonNode now = ok(uri).get("rows").get(0);

        assertThat(then.get("referralsGiven").asLong()).isEqualTo(1);
        assertThat(then.get("referralsRequested").asLong()).isEqualTo(1);
        assertThat(then.get("referralsInterviewed").asLong()).isZero();
        assertThat(now.get("referralsGiven").asLong()).isEqualTo(2);
        assertThat(now.get("referralsInterviewed").asLong()).isEqualTo(1);
        assertThat(now.get("yield").asDouble()).isEqualTo(0.5);
    }

    @Test
    void asOfAfterNow_isABadRequestNamingIt() {
        assertBadField("/api/reports/practice?asOf=2099-01-01T00:00:00Z", "asOf");
        assertBadField("/api/reports/referrals?asOf=2099-01-01T00:00:00Z", "asOf");
    }

    @Test
    void withoutAGrant_someoneElsesReportsAreNotFound() {
        Journal stranger = journal();
        stranger.contact("Maya Chen", T0);

        assertStatus("/api/reports/practice?owner=" + stranger.owner(), HttpStatus.NOT_FOUND);
        assertStatus("/api/reports/referrals?owner=" + stranger.owner(), HttpStatus.NOT_FOUND);
    }

    @Test
    void theCallersOwnReports_holdNoneOfAnotherJournal() {
        Journal other = journal();
        var maya = other.contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, T0).hold(interview, 30, 45, T0.plus(Duration.ofDays(2)));
        maya.referral("Ben Ode", T0.plus(Duration.ofDays(3)));
        awaitProjections();

        assertThat(ok("/api/reports/practice").toString()).doesNotContain(maya.id.toString());
        assertThat(ok("/api/reports/referrals").toString()).doesNotContain(maya.id.toString());
    }

    @Test
    void badParameters_areBadRequestsNamingTheParameter() {
        assertBadField("/api/reports/practice?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from");
        assertBadField("/api/reports/practice?from=yesterday", "from");
        assertBadField("/api/reports/practice?to=2026-13-01T00:00:00Z", "to");
        assertBadField("/api/reports/practice?page=-1", "page");
        assertBadField("/api/reports/practice?size=0", "size");
        assertBadField("/api/reports/practice?size=201", "size");
        assertBadField("/api/reports/practice?consistentWith=-1", "consistentWith");
        assertBadField("/api/reports/practice?asOf=soon", "asOf");
        assertBadField("/api/reports/referrals?asOf=soon", "asOf");
    }
}
