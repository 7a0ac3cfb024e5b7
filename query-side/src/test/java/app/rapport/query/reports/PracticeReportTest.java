package app.rapport.query.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import app.rapport.events.commitment.CommitmentDropped;
import app.rapport.events.commitment.CommitmentKept;
import app.rapport.events.commitment.CommitmentMade;
import app.rapport.events.contact.JobInquiryMade;
import app.rapport.events.interview.InterviewHeld;
import app.rapport.query.Journal;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.query.reports.PracticeReport.Slip;
import app.rapport.values.Channel;
import app.rapport.values.EntryChanges;
import app.rapport.values.InterviewChecklist;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The practice report against a journal whose every count was worked out by hand: the worked
 * example of docs/reports.md, with the default windows (thank-you within 24 h, nudge after 7 days,
 * prepare 24 h before), the period February 2026 and "now" the fixed clock's 10 March 2026.
 */
class PracticeReportTest extends QueryIntegrationTest {

    static final Instant FEB = Instant.parse("2026-02-01T00:00:00Z");
    static final Instant MAR = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");
    static final InterviewChecklist FULL = new InterviewChecklist(true, true, true, true);

    @Autowired
    PracticeReport report;

    static Instant at(String dayAndTime) {
        return Instant.parse("2026-" + dayAndTime + ":00Z");
    }

    /** The interviews of the worked example, by their names in docs/reports.md. */
    record Example(Journal journal, UUID maya, UUID omar, UUID lee, UUID i1, UUID i2, UUID i3, UUID i4, UUID i5,
                   UUID i6) {
    }

    /**
     * Maya prefers video, Omar has no preference, Lee prefers video.
     * <ul>
     * <li>I1 (Maya): asked by email on 20 Jan, scheduled for 3 Feb 15:00 by video, prepared 1 Feb, held
     * 3 Feb with the whole checklist, logged as 40 minutes of 30 and corrected to 30, thanked that
     * evening.
     * <li>I2 (Maya): asked by video 5 Feb, accepted the next day, scheduled by phone for 10 Feb 15:00,
     * prepared only that morning, held 45 minutes of 30 without asking for referrals, thanked 12 Feb.
     * <li>I3 (Omar): asked 2 Feb, never nudged, given up on 20 Feb.
     * <li>I4 (Omar): asked 14 Feb, nudged 22 Feb (due 21 Feb), accepted 23 Feb, held 26 Feb unprepared,
     * without introducing himself or thanking at the end, never thanked.
     * <li>I5 (Lee): asked by video 25 Feb, accepted at once, scheduled by video for 2 Mar, prepared 1 Mar,
     * held 2 Mar (after the period), never thanked.
     * <li>I6 (Lee): asked by email 27 Feb, still unanswered.
     * <li>Job inquiries: Maya 20 Feb (not early), Omar 27 Feb (early), Omar 28 Feb (early, retracted).
     * <li>Promises: C1 (Maya, at I1) due 7 Feb, kept 6 Feb; C3 (Maya, at I2) due 14 Feb, kept 16 Feb;
     * C5 (Maya) due 20 Feb, dropped 18 Feb; C2 (Omar, at I4) due 28 Feb 12:00, never kept; C4 (Lee)
     * due 5 Mar, never kept; C6 (Omar) without a due time.
     * </ul>
     */
    Example example() {
        Journal journal = journal();
        var maya = journal.contactPreferring("Maya Chen", Channel.VIDEO, null, at("01-10T09:00"));
        var omar = journal.contactPreferring("Omar Haddad", null, null, at("01-10T09:00"));
        var lee = journal.contactPreferring("Lee Park", Channel.VIDEO, null, at("01-10T09:00"));

        UUID i1 = maya.request(Channel.EMAIL, 30, "archives work", at("01-20T09:00"));
        maya.accept(i1, at("01-21T10:00"))
                .schedule(i1, at("02-03T15:00"), Channel.VIDEO, null, at("01-22T09:00"))
                .prepare(i1, at("02-01T10:00"));
        held(maya, i1, 30, 40, FULL, at("02-03T15:00"));
        maya.correct(maya.lastEventId(), InterviewHeld.class, i1, null,
                new EntryChanges(null, null, 30, null, null, null), "misread the clock", at("02-04T09:00"));
        maya.thank(i1, at("02-03T20:00"));
        promise(maya, i1, at("02-03T15:30"), at("02-07T00:00"), at("02-06T09:00"), null);

        UUID i2 = maya.request(Channel.VIDEO, 30, "records work", at("02-05T09:00"));
        maya.accept(i2, at("02-06T09:00"))
                .schedule(i2, at("02-10T15:00"), Channel.PHONE, null, at("02-06T10:00"))
                .prepare(i2, at("02-10T09:00"));
        held(maya, i2, 30, 45, new InterviewChecklist(true, true, false, true), at("02-10T15:00"));
        maya.thank(i2, at("02-12T09:00"));
        promise(maya, i2, at("02-10T15:30"), at("02-14T00:00"), at("02-16T09:00"), null);
        promise(maya, null, at("02-12T09:30"), at("02-20T00:00"), null, at("02-18T09:00"));
        maya.followUp(at("02-15T09:00"))
                .jobInquiry(false, at("02-20T10:00"));

        UUID i3 = omar.request(Channel.EMAIL, 20, "curation", at("02-02T09:00"));
        omar.unanswered(i3, at("02-20T09:00"));
        UUID i4 = omar.request(Channel.PHONE, 20, "exhibitions", at("02-14T09:00"));
        omar.nudge(i4, at("02-22T09:00"))
                .accept(i4, at("02-23T09:00"))
                .schedule(i4, at("02-26T15:00"), Channel.PHONE, null, at("02-23T10:00"));
        held(omar, i4, 20, 20, new InterviewChecklist(true, false, true, false), at("02-26T15:00"));
        promise(omar, i4, at("02-26T15:30"), at("02-28T12:00"), null, null);
        promise(omar, null, at("02-26T16:00"), null, null, null);
        omar.jobInquiry(true, at("02-27T10:00"))
                .jobInquiry(true, at("02-28T11:00"));
        omar.retract(omar.lastEventId(), JobInquiryMade.class, null, null, "asked in jest", at("02-28T12:00"));

        UUID i5 = lee.request(Channel.VIDEO, 25, "digital archives", at("02-25T09:00"));
        lee.accept(i5, at("02-25T12:00"))
                .schedule(i5, at("03-02T15:00"), Channel.VIDEO, null, at("02-25T13:00"))
                .prepare(i5, at("03-01T10:00"));
        held(lee, i5, 25, 25, FULL, at("03-02T15:00"));
        UUID i6 = lee.request(Channel.EMAIL, 25, "cataloguing", at("02-27T09:00"));
        promise(lee, null, at("02-27T10:00"), at("03-05T00:00"), null, null);

        awaitProjections();
        return new Example(journal, maya.id, omar.id, lee.id, i1, i2, i3, i4, i5, i6);
    }

    /** A promise made, and then kept or dropped (or neither), each recorded when it happened. */
    static void promise(Journal.ContactStream contact, UUID interview, Instant made, Instant dueBy, Instant kept,
                        Instant dropped) {
        UUID commitment = UUID.randomUUID();
        contact.append(new CommitmentMade(contact.id, contact.owner(), commitment, interview, "a promise", dueBy,
                made), made);
        if (kept != null) {
            contact.append(new CommitmentKept(contact.id, contact.owner(), commitment, null, "done", kept), kept);
        }
        if (dropped != null) {
            contact.append(new CommitmentDropped(contact.id, contact.owner(), commitment, "no longer useful",
                    dropped), dropped);
        }
    }

    static void held(Journal.ContactStream contact, UUID interview, int agreed, int actual,
                     InterviewChecklist checklist, Instant heldAt) {
        contact.append(new InterviewHeld(contact.id, contact.owner(), interview, agreed, actual, "notes", checklist,
                heldAt), heldAt);
    }

    PracticeReport.Counts february(Example example) {
        return report.countPractice(example.journal().owner(), FEB, MAR, NOW);
    }

    @Test
    void february_countsWhatWasWorkedOutByHand() {
        var counts = february(example());

        // held in February: I1, I2, I4
        assertThat(counts.held()).isEqualTo(3);
        assertThat(counts.keptToTime()).as("I1 (corrected to 30 of 30), I4").isEqualTo(2);
        assertThat(counts.preparedInTime()).as("I1 only: I2 late, I4 never").isEqualTo(1);
        assertThat(counts.thankedAtStart()).isEqualTo(3);
        assertThat(counts.introducedSelf()).as("not at I4").isEqualTo(2);
        assertThat(counts.askedForReferrals()).as("not at I2").isEqualTo(2);
        assertThat(counts.thankedAtEnd()).as("not at I4").isEqualTo(2);
        assertThat(counts.thankYousDue()).as("I1, I2 thanked; I4's window closed 27 Feb").isEqualTo(3);
        assertThat(counts.thankYouInTime()).as("I1 only").isEqualTo(1);
        // nudges due in February: I3 (9 Feb), I4 (21 Feb); I2 was answered before its nudge was due
        assertThat(counts.nudgesDue()).isEqualTo(2);
        assertThat(counts.nudgesSent()).as("I4").isEqualTo(1);
        // inquiries: Maya's and Omar's first; Omar's second was retracted
        assertThat(counts.jobInquiries()).isEqualTo(2);
        assertThat(counts.earlyJobInquiries()).isEqualTo(1);
        // requests in February: I2, I3, I4, I5, I6; Omar has no preference, so I3 and I4 are not judged
        assertThat(counts.requestsWithPreferredChannel()).isEqualTo(3);
        assertThat(counts.ignoredPreferredChannel()).as("I2 scheduled by phone, I6 asked by email").isEqualTo(2);
        // promises due in February: C1, C3, C5 and C2 (due 28 Feb 12:00); C4 is due in March, C6 never
        assertThat(counts.commitmentsDue()).isEqualTo(4);
        assertThat(counts.commitmentsKeptOnTime()).as("C1 only").isEqualTo(1);
    }

    @Test
    void february_ratesDivideEachCountByItsDenominator() {
        Example example = example();
        var answer = ReportsController.PracticeAnswer.of(FEB, MAR, NOW, february(example),
                report.findSlips(example.journal().owner(), FEB, MAR, NOW, 0, 50)
                        .map(ReportsController.SlipItem::of));

        assertThat(answer.keptToTimeRate()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(answer.preparedInTimeRate()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(answer.thankedAtStartRate()).isEqualTo(1.0);
        assertThat(answer.introducedSelfRate()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(answer.askedForReferralsRate()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(answer.thankedAtEndRate()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(answer.thankYouInTimeRate()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(answer.nudgesSentRate()).isEqualTo(0.5);
        assertThat(answer.earlyJobInquiriesRate()).isEqualTo(0.5);
        assertThat(answer.ignoredPreferredChannelRate()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(answer.commitmentsKeptOnTimeRate()).isEqualTo(0.25);
    }

    @Test
    void february_listsEverySlipOldestFirst_withItsContactAndInterview() {
        Example e = example();

        var slips = report.findSlips(e.journal().owner(), FEB, MAR, NOW, 0, 50);

        assertThat(slips.total()).isEqualTo(15);
        assertThat(slips.items()).containsExactly(
                new Slip(e.maya(), "Maya Chen", e.i2(), at("02-06T10:00"), Lapse.IGNORED_PREFERRED_CHANNEL),
                new Slip(e.omar(), "Omar Haddad", e.i3(), at("02-09T09:00"), Lapse.NO_NUDGE),
                new Slip(e.maya(), "Maya Chen", e.i2(), at("02-10T09:00"), Lapse.PREPARED_LATE),
                new Slip(e.maya(), "Maya Chen", e.i2(), at("02-10T15:00"), Lapse.OVERRAN),
                new Slip(e.maya(), "Maya Chen", e.i2(), at("02-10T15:00"), Lapse.SKIPPED_REFERRAL_QUESTION),
                new Slip(e.maya(), "Maya Chen", e.i2(), at("02-12T09:00"), Lapse.LATE_THANK_YOU),
                new Slip(e.maya(), "Maya Chen", e.i2(), at("02-16T09:00"), Lapse.COMMITMENT_KEPT_LATE),
                new Slip(e.maya(), "Maya Chen", null, at("02-18T09:00"), Lapse.COMMITMENT_DROPPED),
                new Slip(e.omar(), "Omar Haddad", e.i4(), at("02-26T15:00"), Lapse.SKIPPED_INTRODUCTION),
                new Slip(e.omar(), "Omar Haddad", e.i4(), at("02-26T15:00"), Lapse.SKIPPED_THANKS_AT_END),
                new Slip(e.omar(), "Omar Haddad", e.i4(), at("02-26T15:00"), Lapse.UNPREPARED),
                new Slip(e.lee(), "Lee Park", e.i6(), at("02-27T09:00"), Lapse.IGNORED_PREFERRED_CHANNEL),
                new Slip(e.omar(), "Omar Haddad", null, at("02-27T10:00"), Lapse.EARLY_JOB_INQUIRY),
                new Slip(e.omar(), "Omar Haddad", e.i4(), at("02-27T15:00"), Lapse.NO_THANK_YOU),
                new Slip(e.omar(), "Omar Haddad", e.i4(), at("02-28T12:00"), Lapse.COMMITMENT_NOT_KEPT));
    }

    @Test
    void slips_arePagedLikeEveryList() {
        Example e = example();

        var last = report.findSlips(e.journal().owner(), FEB, MAR, NOW, 3, 4);

        assertThat(last.total()).isEqualTo(15);
        assertThat(last.items()).extracting(Slip::flag)
                .containsExactly(Lapse.EARLY_JOB_INQUIRY, Lapse.NO_THANK_YOU, Lapse.COMMITMENT_NOT_KEPT);
    }

    @Test
    void theThankYouAndTheNudge_areJudgedAtTheMomentAsked() {
        Example e = example();
        String owner = e.journal().owner();

        // on 27 Feb at noon I4's thank-you window (to 27 Feb 15:00) is still open: not yet due, no slip
        var counts = report.countPractice(owner, FEB, MAR, at("02-27T12:00"));
        assertThat(counts.thankYousDue()).isEqualTo(2);
        assertThat(report.findSlips(owner, FEB, MAR, at("02-27T12:00"), 0, 50).items())
                .extracting(Slip::flag).doesNotContain(Lapse.NO_THANK_YOU);
        // and C2, due 28 Feb 12:00, was not due yet
        assertThat(counts.commitmentsDue()).isEqualTo(3);
        // on 15 Feb only I3's nudge had come due
        assertThat(report.countPractice(owner, FEB, MAR, at("02-15T00:00")).nudgesDue()).isEqualTo(1);
    }

    @Test
    void theWholeJournal_countsWhatFallsOutsideFebruaryToo() {
        Example e = example();

        var counts = report.countPractice(e.journal().owner(), EARLIEST, LATEST, NOW);

        assertThat(counts.held()).as("I5 too").isEqualTo(4);
        assertThat(counts.preparedInTime()).as("I1, I5").isEqualTo(2);
        assertThat(counts.thankYousDue()).as("I5's window closed 3 Mar").isEqualTo(4);
        assertThat(counts.nudgesDue()).as("I6's nudge came due 6 Mar").isEqualTo(3);
        assertThat(counts.requestsWithPreferredChannel()).as("I1 too").isEqualTo(4);
        assertThat(counts.ignoredPreferredChannel()).as("I1 asked by email").isEqualTo(3);
        assertThat(counts.commitmentsDue()).as("C4 too, due 5 Mar").isEqualTo(5);
        assertThat(counts.commitmentsKeptOnTime()).isEqualTo(1);
    }

    /** The lapses the timeline flags too are the same lapses, found by the same rules. */
    @Test
    void slipsTheTimelineAlsoFlags_areExactlyTheTimelinesFlaggedEntries() {
        Example e = example();
        Set<String> shared = Arrays.stream(Lapse.values()).filter(lapse -> lapse.timelineFlag() != null)
                .map(lapse -> lapse.timelineFlag().name()).collect(Collectors.toSet());

        List<String> timeline = jdbc.query("""
                        SELECT e.contact_id, e.interview_id, e.at, f.flag
                        FROM timeline_entry e, jsonb_array_elements_text(e.flags) f(flag)
                        WHERE e.owner_id = ?""",
                        (row, n) -> row.getString(1) + " " + row.getString(2) + " "
                                + row.getTimestamp(3).toInstant() + " " + row.getString(4), e.journal().owner())
                .stream().filter(line -> shared.contains(line.substring(line.lastIndexOf(' ') + 1))).toList();
        List<String> slips = report.findSlips(e.journal().owner(), EARLIEST, LATEST, NOW, 0, 200).items()
                .stream().filter(slip -> slip.flag().timelineFlag() != null)
                .map(slip -> slip.contactId() + " " + slip.interviewId() + " " + slip.at() + " "
                        + slip.flag().timelineFlag().name())
                .toList();

        assertThat(slips).isNotEmpty().containsExactlyInAnyOrderElementsOf(timeline);
    }

    @Test
    void anotherNetworkersJournal_countsNothingOfThisOne() {
        example();
        Journal stranger = journal();

        var counts = report.countPractice(stranger.owner(), EARLIEST, LATEST, NOW);

        assertThat(counts).isEqualTo(new PracticeReport.Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(report.findSlips(stranger.owner(), EARLIEST, LATEST, NOW, 0, 50).total()).isZero();
    }
}
