package app.rapport.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.rapport.events.Personal;
import app.rapport.events.interview.InterviewScheduled;
import app.rapport.query.Journal;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.values.Channel;
import app.rapport.values.ContactSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AnalyticsProjectionTest extends QueryIntegrationTest {

    static final Instant JAN = Instant.parse("2026-01-05T09:00:00Z");
    static final Instant FEB = Instant.parse("2026-02-02T09:00:00Z");
    static final Instant FAR_PAST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    @Autowired
    AnalyticsProjection projection;
    @Autowired
    OutreachReport requests;

    /**
     * Email: accepted after 10 h (held 40 min of 30, thanked within a day), declined after 20 h.
     * Phone: given up on. Video (February, via an event contact): still pending.
     */
    Journal outreach() {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", "City Archives", "archives", ContactSource.COLD, Channel.EMAIL, JAN);
        UUID accepted = maya.request(Channel.EMAIL, 30, "archives work", JAN);
        Instant held = JAN.plus(Duration.ofDays(5));
        maya.accept(accepted, JAN.plus(Duration.ofHours(10))).hold(accepted, 30, 40, held)
                .thank(accepted, held.plus(Duration.ofHours(3)));
        UUID declined = maya.request(Channel.EMAIL, 30, "records work", JAN);
        maya.decline(declined, JAN.plus(Duration.ofHours(20)));

        var omar = journal.contact("Omar Haddad", "Museum", "curation", ContactSource.COLD, Channel.PHONE, JAN);
        UUID unanswered = omar.request(Channel.PHONE, 20, "curation", JAN);
        omar.unanswered(unanswered, JAN.plus(Duration.ofDays(9)));

        var lee = journal.contact("Lee Park", "Library", "archives", ContactSource.EVENT, Channel.VIDEO, FEB);
        lee.request(Channel.VIDEO, 25, "digital archives", FEB);
        awaitProjections();
        return journal;
    }

    OutreachController.Row row(List<OutreachReport.Counts> counts, String key) {
        return counts.stream().filter(c -> c.key().equals(key)).map(OutreachController.Row::of).findFirst()
                .orElseThrow();
    }

    @Test
    void byChannel_countsOutcomes_andDividesRatesFromCounts() {
        Journal journal = outreach();

        var counts = requests.countOutreach(journal.owner(), "channel", FAR_PAST, FAR_FUTURE);

        assertThat(counts).extracting(OutreachReport.Counts::key)
                .containsExactly("EMAIL", "PHONE", "VIDEO");
        var email = row(counts, "EMAIL");
        assertThat(email.requests()).isEqualTo(2);
        assertThat(email.responses()).isEqualTo(2);
        assertThat(email.accepted()).isEqualTo(1);
        assertThat(email.declined()).isEqualTo(1);
        assertThat(email.responseRate()).isEqualTo(1.0);
        assertThat(email.acceptanceRate()).isEqualTo(0.5);
        assertThat(email.medianHoursToResponse()).as("median of 10 h and 20 h").isEqualTo(15.0);
        assertThat(email.held()).isEqualTo(1);
        assertThat(email.overran()).isEqualTo(1);
        assertThat(email.thankYouWithin24h()).isEqualTo(1);
    }

    @Test
    void givingUp_countsAsNoResponse_notAsAResponse_andRatesWithoutDenominatorAreNull() {
        Journal journal = outreach();

        var phone = row(requests.countOutreach(journal.owner(), "channel", FAR_PAST, FAR_FUTURE), "PHONE");

        assertThat(phone.noResponse()).isEqualTo(1);
        assertThat(phone.responses()).isZero();
        assertThat(phone.responseRate()).isEqualTo(0.0);
        assertThat(phone.acceptanceRate()).isNull();
        assertThat(phone.medianHoursToResponse()).isNull();
    }

    @Test
    void aRequestWithoutAnswer_isPending() {
        Journal journal = outreach();

        var video = row(requests.countOutreach(journal.owner(), "channel", FAR_PAST, FAR_FUTURE), "VIDEO");

        assertThat(video.pending()).isEqualTo(1);
        assertThat(video.responseRate()).isEqualTo(0.0);
    }

    @Test
    void bySourceSpecializationAndMonth_groupOnTheContactAndTheRequestMonth() {
        Journal journal = outreach();

        assertThat(requests.countOutreach(journal.owner(), "source", FAR_PAST, FAR_FUTURE))
                .extracting(OutreachReport.Counts::key, OutreachReport.Counts::requests)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("COLD", 3L),
                        org.assertj.core.groups.Tuple.tuple("EVENT", 1L));
        assertThat(requests.countOutreach(journal.owner(), "specialization", FAR_PAST, FAR_FUTURE))
                .extracting(OutreachReport.Counts::key, OutreachReport.Counts::requests)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("archives", 3L),
                        org.assertj.core.groups.Tuple.tuple("curation", 1L));
        assertThat(requests.countOutreach(journal.owner(), "month", FAR_PAST, FAR_FUTURE))
                .extracting(OutreachReport.Counts::key, OutreachReport.Counts::requests)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-01", 3L),
                        org.assertj.core.groups.Tuple.tuple("2026-02", 1L));
    }

    @Test
    void period_isFromInclusiveToExclusive_onTheRequestTime() {
        Journal journal = outreach();

        assertThat(requests.countOutreach(journal.owner(), "month", FEB, FAR_FUTURE))
                .extracting(OutreachReport.Counts::key).containsExactly("2026-02");
        assertThat(requests.countOutreach(journal.owner(), "month", FAR_PAST, FEB))
                .extracting(OutreachReport.Counts::key).containsExactly("2026-01");
    }

    @Test
    void thankYouAfterMoreThan24h_isNotCountedWithin24h() {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", JAN);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", JAN);
        Instant held = JAN.plus(Duration.ofDays(5));
        maya.accept(interview, JAN).hold(interview, 30, 30, held).thank(interview, held.plus(Duration.ofHours(25)));
        awaitProjections();

        var email = row(requests.countOutreach(journal.owner(), "channel", FAR_PAST, FAR_FUTURE), "EMAIL");
        assertThat(email.held()).isEqualTo(1);
        assertThat(email.overran()).isZero();
        assertThat(email.thankYouWithin24h()).isZero();
    }

    @Test
    void nudges_areCounted_withTheResponseRateAfterThem() {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", JAN);
        UUID answered = maya.request(Channel.EMAIL, 30, "archives work", JAN);
        maya.nudge(answered, JAN.plus(Duration.ofDays(8))).decline(answered, JAN.plus(Duration.ofDays(9)));
        UUID silent = maya.request(Channel.EMAIL, 30, "records", JAN);
        maya.nudge(silent, JAN.plus(Duration.ofDays(8))).unanswered(silent, JAN.plus(Duration.ofDays(20)));
        UUID unnudged = maya.request(Channel.EMAIL, 30, "maps", JAN);
        maya.accept(unnudged, JAN.plus(Duration.ofHours(2)));
        maya.request(Channel.PHONE, 30, "exhibits", JAN);
        awaitProjections();

        var counts = requests.countOutreach(journal.owner(), "channel", FAR_PAST, FAR_FUTURE);
        var email = row(counts, "EMAIL");
        assertThat(email.nudged()).isEqualTo(2);
        assertThat(email.respondedAfterNudge()).isEqualTo(1);
        assertThat(email.responseRateAfterNudge()).isEqualTo(0.5);
        assertThat(email.responses()).isEqualTo(2);
        assertThat(row(counts, "PHONE").responseRateAfterNudge()).as("nothing nudged").isNull();
    }

    @Test
    void lateAnswer_countsAsAResponseAndALateOne_noLongerAsNoResponse() {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", JAN);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", JAN);
        maya.unanswered(interview, JAN.plus(Duration.ofDays(10))).accept(interview, JAN.plus(Duration.ofDays(12)));
        awaitProjections();

        var email = row(requests.countOutreach(journal.owner(), "channel", FAR_PAST, FAR_FUTURE), "EMAIL");
        assertThat(email.noResponse()).isZero();
        assertThat(email.responses()).isEqualTo(1);
        assertThat(email.accepted()).isEqualTo(1);
        assertThat(email.lateResponses()).isEqualTo(1);
        assertThat(email.medianHoursToResponse()).isEqualTo(12 * 24.0);
    }

    @Test
    void requestsAndSchedulesIgnoringThePreferredChannelOrPlace_areCounted() {
        Journal journal = journal();
        var maya = journal.contactPreferring("Maya Chen", Channel.IN_PERSON, "Café Rosa", JAN);
        UUID byEmail = maya.request(Channel.EMAIL, 30, "archives work", JAN);
        maya.accept(byEmail, JAN).schedule(byEmail, FEB, Channel.IN_PERSON, "  café rosa ", JAN);
        UUID elsewhere = maya.request(Channel.IN_PERSON, 30, "records", JAN);
        maya.accept(elsewhere, JAN).schedule(elsewhere, FEB, Channel.VIDEO, "Zoom", JAN);
        UUID movedThere = maya.request(Channel.IN_PERSON, 30, "maps", JAN);
        maya.accept(movedThere, JAN).schedule(movedThere, FEB, Channel.IN_PERSON, "Library", JAN)
                .schedule(movedThere, FEB, Channel.IN_PERSON, "Café Rosa", JAN.plusSeconds(60));
        var omar = journal.contact("Omar Haddad", "Museum", "curation", ContactSource.EVENT, null, JAN);
        UUID anything = omar.request(Channel.PHONE, 30, "curation", JAN);
        omar.accept(anything, JAN).schedule(anything, FEB, Channel.VIDEO, "Zoom", JAN);
        awaitProjections();

        var bySource = requests.countOutreach(journal.owner(), "source", FAR_PAST, FAR_FUTURE);
        var cold = row(bySource, "COLD");
        assertThat(cold.ignoredPreferredChannel()).as("the email request and the video call").isEqualTo(2);
        assertThat(cold.ignoredPreferredLocation()).as("Zoom; the last schedule decides").isEqualTo(1);
        var event = row(bySource, "EVENT");
        assertThat(event.ignoredPreferredChannel()).as("no preference, no judgement").isZero();
        assertThat(event.ignoredPreferredLocation()).isZero();
    }

    @Test
    void aScheduleAwayFromThePreferredPlace_isCountedAsRecorded_evenWhenBothTextsReadAsErased() {
        Journal journal = journal();
        var maya = journal.contactPreferring("Maya Chen", Channel.IN_PERSON, Personal.ERASED, JAN);
        UUID away = maya.request(Channel.IN_PERSON, 30, "archives work", JAN);
        maya.accept(away, JAN).append(new InterviewScheduled(maya.id, maya.owner(), away, FEB, Channel.IN_PERSON,
                Personal.ERASED, JAN, true), JAN);
        UUID there = maya.request(Channel.IN_PERSON, 30, "records", JAN);
        maya.accept(there, JAN).append(new InterviewScheduled(maya.id, maya.owner(), there, FEB, Channel.IN_PERSON,
                "Library", JAN, false), JAN);
        awaitProjections();

        var cold = row(requests.countOutreach(journal.owner(), "source", FAR_PAST, FAR_FUTURE), "COLD");
        assertThat(cold.ignoredPreferredLocation()).as("the schedule's own record decides, not the texts")
                .isEqualTo(1);
    }

    @Test
    void jobInquiries_areCountedByContactAndMonth_butNotByChannel() {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", JAN);
        maya.request(Channel.EMAIL, 30, "archives work", JAN);
        maya.jobInquiry(true, JAN.plus(Duration.ofDays(1))).jobInquiry(false, FEB);
        awaitProjections();

        var byMonth = requests.countOutreach(journal.owner(), "month", FAR_PAST, FAR_FUTURE);
        assertThat(byMonth).extracting(OutreachReport.Counts::key).containsExactly("2026-01", "2026-02");
        assertThat(row(byMonth, "2026-01").jobInquiries()).isEqualTo(1);
        assertThat(row(byMonth, "2026-01").earlyJobInquiries()).isEqualTo(1);
        var february = row(byMonth, "2026-02");
        assertThat(february.requests()).as("a month with an inquiry and no request").isZero();
        assertThat(february.jobInquiries()).isEqualTo(1);
        assertThat(february.earlyJobInquiries()).isZero();
        assertThat(february.responseRate()).isNull();
        assertThat(row(requests.countOutreach(journal.owner(), "specialization", FAR_PAST, FAR_FUTURE), "archives")
                .jobInquiries()).isEqualTo(2);
        assertThat(row(requests.countOutreach(journal.owner(), "channel", FAR_PAST, FAR_FUTURE), "EMAIL")
                .jobInquiries()).isNull();
    }

    @Test
    void appliedTwice_changesNothing() {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", JAN);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", JAN);
        maya.accept(interview, JAN.plus(Duration.ofHours(3))).hold(interview, 30, 45, JAN.plus(Duration.ofDays(2)))
                .thank(interview, JAN.plus(Duration.ofDays(2)).plus(Duration.ofHours(2)))
                .rename("Maya", "Elsewhere", JAN.plus(Duration.ofDays(3)));
        awaitProjections();
        var before = dump("outreach_request", "outreach_contact");

        redeliver(projection, maya.id.toString());

        assertThat(dump("outreach_request", "outreach_contact")).isEqualTo(before);
    }
}
