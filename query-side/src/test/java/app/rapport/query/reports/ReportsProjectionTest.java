package app.rapport.query.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import app.rapport.events.contact.FollowUpLogged;
import app.rapport.events.interview.InterviewHeld;
import app.rapport.events.interview.NudgeSent;
import app.rapport.events.interview.ThankYouSent;
import app.rapport.query.Journal;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.values.Channel;
import app.rapport.values.EntryChanges;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The reports' read model: idempotent, and amended by corrections and retractions as every view is. */
class ReportsProjectionTest extends QueryIntegrationTest {

    static final Instant JAN = Instant.parse("2026-01-05T09:00:00Z");
    static final Instant HELD = JAN.plus(Duration.ofDays(5));
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");
    static final String[] TABLES = ReportsAsOf.TABLES.toArray(String[]::new);

    @Autowired
    ReportsProjection projection;
    @Autowired
    PracticeReport practice;
    @Autowired
    ReferralReport referrals;

    PracticeReport.Counts counts(Journal journal) {
        awaitProjections();
        return practice.countPractice(journal.owner(), EARLIEST, LATEST, NOW);
    }

    @Test
    void appliedTwice_changesNothing_amendmentsIncluded() {
        Journal journal = journal();
        var maya = journal.contactPreferring("Maya Chen", Channel.VIDEO, null, JAN);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", JAN);
        maya.nudge(interview, JAN.plus(Duration.ofDays(8)))
                .accept(interview, JAN.plus(Duration.ofDays(9)))
                .schedule(interview, HELD, Channel.PHONE, null, JAN.plus(Duration.ofDays(9)))
                .prepare(interview, HELD.minus(Duration.ofDays(2)))
                .hold(interview, 30, 45, HELD);
        maya.correct(maya.lastEventId(), InterviewHeld.class, interview, null,
                new EntryChanges(null, null, 30, null, null, null), "it was 30", HELD.plusSeconds(60));
        maya.thank(interview, HELD.plus(Duration.ofHours(2))).followUp(HELD.plus(Duration.ofDays(3)))
                .jobInquiry(false, HELD.plus(Duration.ofDays(4)))
                .referral("Ben Ode", HELD.plus(Duration.ofDays(5)));
        maya.retract(maya.lastEventId(), FollowUpLogged.class, null, null, "not a follow-up",
                HELD.plus(Duration.ofDays(6)));
        awaitProjections();
        var before = dump(TABLES);

        redeliver(projection, maya.id.toString());

        assertThat(dump(TABLES)).isEqualTo(before);
    }

    @Test
    void aCorrectedHold_isJudgedByItsCorrectedMinutesAndTime() {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", JAN);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", JAN);
        maya.accept(interview, JAN).hold(interview, 30, 45, HELD);
        String hold = maya.lastEventId();
        maya.thank(interview, HELD.plus(Duration.ofHours(30)));
        assertThat(counts(journal).keptToTime()).isZero();
        assertThat(counts(journal).thankYouInTime()).isZero();

        maya.correct(hold, InterviewHeld.class, interview, null,
                new EntryChanges(null, HELD.plus(Duration.ofHours(8)), 30, null, null, null), "later and shorter",
                HELD.plus(Duration.ofHours(31)));

        var counts = counts(journal);
        assertThat(counts.keptToTime()).isEqualTo(1);
        assertThat(counts.thankYouInTime()).as("30 h after the hold as logged, 22 h after it as corrected")
                .isEqualTo(1);
    }

    @Test
    void aRetractedThankYou_isDueAgain_andThenMissed() {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", JAN);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", JAN);
        maya.accept(interview, JAN).hold(interview, 30, 30, HELD).thank(interview, HELD.plus(Duration.ofHours(2)));
        assertThat(counts(journal).thankYouInTime()).isEqualTo(1);

        maya.retract(maya.lastEventId(), ThankYouSent.class, interview, null, "still a draft",
                HELD.plus(Duration.ofHours(3)));

        var counts = counts(journal);
        assertThat(counts.thankYouInTime()).isZero();
        assertThat(counts.thankYousDue()).as("the window closed long before now").isEqualTo(1);
        assertThat(practice.findSlips(journal.owner(), EARLIEST, LATEST, NOW, 0, 50).items())
                .extracting(PracticeReport.Slip::flag).containsExactly(Lapse.UNPREPARED, Lapse.NO_THANK_YOU);
    }

    @Test
    void aRetractedHold_isNoLongerHeld() {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", JAN);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", JAN);
        maya.accept(interview, JAN).hold(interview, 30, 45, HELD);
        assertThat(counts(journal).held()).isEqualTo(1);

        maya.retract(maya.lastEventId(), InterviewHeld.class, interview, null, "it was cancelled",
                HELD.plusSeconds(60));

        assertThat(counts(journal).held()).isZero();
    }

    @Test
    void aRetractedNudge_isOwedAgain() {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", JAN);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", JAN);
        maya.nudge(interview, JAN.plus(Duration.ofDays(8)));
        assertThat(counts(journal).nudgesSent()).isEqualTo(1);

        maya.retract(maya.lastEventId(), NudgeSent.class, interview, null, "never sent", JAN.plus(Duration.ofDays(9)));

        var counts = counts(journal);
        assertThat(counts.nudgesDue()).isEqualTo(1);
        assertThat(counts.nudgesSent()).isZero();
    }

    @Test
    void reDerivingTheReferrer_keepsItsReferrals_andReDerivingTheReferred_keepsTheirInterviews() {
        Journal journal = journal();
        var ana = journal.contact("Ana Ruiz", JAN);
        var ben = ana.referral("Ben Ode", JAN.plus(Duration.ofDays(1)));
        UUID interview = ben.request(Channel.EMAIL, 30, "records", JAN.plus(Duration.ofDays(2)));
        ben.accept(interview, JAN.plus(Duration.ofDays(3))).hold(interview, 30, 30, HELD);
        ana.followUp(JAN.plus(Duration.ofDays(4)));
        ana.retract(ana.lastEventId(), FollowUpLogged.class, null, null, "logged on the wrong contact",
                JAN.plus(Duration.ofDays(5)));
        ben.correct(ben.lastEventId(), InterviewHeld.class, interview, null,
                new EntryChanges(null, null, null, null, "notes written up", null), "the notes",
                HELD.plusSeconds(60));
        awaitProjections();

        assertThat(referrals.countReferrals(journal.owner()))
                .containsExactly(new ReferralReport.Counts(ana.id, "Ana Ruiz", 1, 1, 1));
    }

    @Test
    void aRenamedContact_isNamedByItsNewNameInSlipsAndRows() {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", JAN);
        maya.referral("Ben Ode", JAN.plus(Duration.ofDays(1)));
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", JAN);
        maya.accept(interview, JAN).hold(interview, 30, 45, HELD).rename("Maya Chen-Ito", "City Archives", HELD);
        awaitProjections();

        assertThat(practice.findSlips(journal.owner(), EARLIEST, LATEST, NOW, 0, 50).items())
                .extracting(PracticeReport.Slip::contactName).containsOnly("Maya Chen-Ito");
        assertThat(referrals.countReferrals(journal.owner())).extracting(ReferralReport.Counts::contactName)
                .containsExactly("Maya Chen-Ito");
    }
}
