package app.rapport.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import app.rapport.events.contact.JobInquiryMade;
import app.rapport.events.interview.InterviewAccepted;
import app.rapport.events.interview.InterviewHeld;
import app.rapport.events.interview.NudgeSent;
import app.rapport.events.interview.ThankYouSent;
import app.rapport.query.Journal;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.values.Channel;
import app.rapport.values.EntryChanges;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Outreach counts a corrected step as corrected and a retracted one not at all. */
class AnalyticsCorrectionsTest extends QueryIntegrationTest {

    static final Instant JAN = Instant.parse("2026-01-05T09:00:00Z");
    static final Instant HELD = JAN.plus(Duration.ofDays(5));
    static final Instant FAR_PAST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    @Autowired
    AnalyticsProjection projection;
    @Autowired
    OutreachReport requests;

    OutreachController.Row rowOf(Journal journal, String groupBy, String key) {
        awaitProjections();
        return requests.countOutreach(journal.owner(), groupBy, FAR_PAST, FAR_FUTURE).stream()
                .filter(counts -> counts.key().equals(key)).map(OutreachController.Row::of).findFirst().orElseThrow();
    }

    OutreachController.Row email(Journal journal) {
        return rowOf(journal, "channel", "EMAIL");
    }

    static EntryChanges minutes(int actual) {
        return new EntryChanges(null, null, actual, null, null, null);
    }

    @Test
    void correctedActualMinutes_decidesWhetherTheInterviewOverran() {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", JAN);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", JAN);
        maya.accept(interview, JAN).hold(interview, 30, 45, HELD);
        String hold = maya.lastEventId();
        assertThat(email(journal).overran()).isEqualTo(1);

        maya.correct(hold, InterviewHeld.class, interview, null, minutes(30), "misread the clock", HELD.plusSeconds(60));
        assertThat(email(journal).overran()).isZero();
        assertThat(email(journal).held()).isEqualTo(1);

        maya.correct(hold, InterviewHeld.class, interview, null, minutes(35), "it was 35 after all", HELD.plusSeconds(120));
        assertThat(email(journal).overran()).as("the latest correction counts").isEqualTo(1);
    }

    @Test
    void retractedHold_noLongerCountsAsHeld() {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", JAN);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", JAN);
        maya.accept(interview, JAN).hold(interview, 30, 45, HELD);

        maya.retract(maya.lastEventId(), InterviewHeld.class, interview, null, "cancelled", HELD.plusSeconds(60));

        var email = email(journal);
        assertThat(email.held()).isZero();
        assertThat(email.overran()).isZero();
        assertThat(email.accepted()).isEqualTo(1);
    }

    @Test
    void retractedAcceptance_leavesTheRequestPending() {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", JAN);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", JAN);
        maya.accept(interview, JAN.plus(Duration.ofHours(5)));

        maya.retract(maya.lastEventId(), InterviewAccepted.class, interview, null, "misread her reply",
                JAN.plus(Duration.ofHours(6)));

        var email = email(journal);
        assertThat(email.pending()).isEqualTo(1);
        assertThat(email.responses()).isZero();
        assertThat(email.medianHoursToResponse()).isNull();
    }

    @Test
    void correctedAcceptanceTime_changesTheTimeToResponse() {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", JAN);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", JAN);
        maya.accept(interview, JAN.plus(Duration.ofHours(5)));

        maya.correct(maya.lastEventId(), InterviewAccepted.class, interview, null,
                new EntryChanges(JAN.plus(Duration.ofHours(2)), null, null, null, null, null), "she wrote sooner",
                JAN.plus(Duration.ofHours(6)));

        assertThat(email(journal).medianHoursToResponse()).isEqualTo(2.0);
    }

    @Test
    void correctedThankYouTime_decidesWhetherItWasInTime() {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", JAN);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", JAN);
        maya.accept(interview, JAN).hold(interview, 30, 30, HELD).thank(interview, HELD.plus(Duration.ofHours(30)));
        assertThat(email(journal).thankYouWithin24h()).isZero();

        maya.correct(maya.lastEventId(), ThankYouSent.class, interview, null,
                new EntryChanges(HELD.plus(Duration.ofHours(3)), null, null, null, null, null), "sent that evening",
                HELD.plus(Duration.ofHours(31)));

        assertThat(email(journal).thankYouWithin24h()).isEqualTo(1);
    }

    @Test
    void retractedNudge_noLongerCountsAsNudged() {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", JAN);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", JAN);
        maya.nudge(interview, JAN.plus(Duration.ofDays(8)));
        assertThat(email(journal).nudged()).isEqualTo(1);

        maya.retract(maya.lastEventId(), NudgeSent.class, interview, null, "never sent", JAN.plus(Duration.ofDays(9)));
        maya.accept(interview, JAN.plus(Duration.ofDays(10)));

        var email = email(journal);
        assertThat(email.nudged()).isZero();
        assertThat(email.respondedAfterNudge()).isZero();
        assertThat(email.responseRateAfterNudge()).isNull();
    }

    @Test
    void retractedJobInquiry_noLongerCountsAsAsked() {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", JAN);
        maya.request(Channel.EMAIL, 30, "archives work", JAN);
        maya.jobInquiry(true, JAN.plus(Duration.ofDays(1)));
        String early = maya.lastEventId();
        maya.jobInquiry(false, JAN.plus(Duration.ofDays(40)));
        assertThat(rowOf(journal, "source", "COLD").jobInquiries()).isEqualTo(2);

        maya.retract(early, JobInquiryMade.class, null, null, "asked someone else", JAN.plus(Duration.ofDays(41)));

        var cold = rowOf(journal, "source", "COLD");
        assertThat(cold.jobInquiries()).isEqualTo(1);
        assertThat(cold.earlyJobInquiries()).isZero();
    }

    @Test
    void appliedTwice_afterCorrectionsAndRetractions_changesNothing() {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", JAN);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", JAN);
        maya.nudge(interview, JAN.plus(Duration.ofDays(8))).accept(interview, JAN.plus(Duration.ofDays(9)))
                .hold(interview, 30, 45, HELD.plus(Duration.ofDays(9)));
        maya.correct(maya.lastEventId(), InterviewHeld.class, interview, null, minutes(30), "misread the clock",
                HELD.plus(Duration.ofDays(10)));
        maya.jobInquiry(true, HELD.plus(Duration.ofDays(11)));
        maya.retract(maya.lastEventId(), JobInquiryMade.class, null, null, "never asked", HELD.plus(Duration.ofDays(12)));
        awaitProjections();
        var before = dump("outreach_request", "outreach_contact", "outreach_job_inquiry");

        redeliver(projection, maya.id.toString());

        assertThat(dump("outreach_request", "outreach_contact", "outreach_job_inquiry")).isEqualTo(before);
    }
}
