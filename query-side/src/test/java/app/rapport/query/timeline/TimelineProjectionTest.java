package app.rapport.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.rapport.platform.PracticeSettings;
import app.rapport.query.Journal;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.values.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TimelineProjectionTest extends QueryIntegrationTest {

    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final Instant HELD = T0.plus(Duration.ofDays(5));

    @Autowired
    TimelineProjection projection;
    @Autowired
    Timelines timelines;
    @Autowired
    PracticeSettings practice;

    List<TimelineEntry> timelineOf(Journal.ContactStream contact) {
        awaitProjections();
        return timelines.findEntries(contact.owner(), contact.id, 0, 200).items();
    }

    TimelineEntry only(List<TimelineEntry> timeline, String type) {
        return timeline.stream().filter(entry -> entry.type().equals(type)).findFirst().orElseThrow();
    }

    @Test
    void request_isSummarizedWithTimeBoxChannelAndPurpose() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0.plusSeconds(60));

        TimelineEntry entry = only(timelineOf(maya), "InterviewRequested");
        assertThat(entry.summary()).isEqualTo("Asked for a 30-minute email interview about archives work");
        assertThat(entry.interviewId()).isEqualTo(interview);
        assertThat(entry.details()).containsEntry("channel", "EMAIL").containsEntry("durationMinutes", 30)
                .doesNotContainKeys("contactId", "ownerId");
        assertThat(entry.flags()).isEmpty();
    }

    @Test
    void requestByAnotherChannelThanPreferred_isFlaggedIgnoredPreferredChannel() {
        var maya = journal().contact("Maya Chen", T0);  // prefers email
        maya.request(Channel.PHONE, 20, "archives work", T0.plusSeconds(60));

        assertThat(only(timelineOf(maya), "InterviewRequested").flags())
                .containsExactly(Flag.IGNORED_PREFERRED_CHANNEL);
    }

    @Test
    void heldLongerThanAgreed_isFlaggedOverran_andHeldWithoutPreparation_isFlaggedUnprepared() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, T0).hold(interview, 30, 45, HELD);

        TimelineEntry held = only(timelineOf(maya), "InterviewHeld");
        assertThat(held.flags()).containsExactlyInAnyOrder(Flag.OVERRAN, Flag.UNPREPARED);
        assertThat(held.summary()).isEqualTo("Held a 45-minute interview (30 agreed)");
    }

    @Test
    void preparedAndOnTime_isNotFlagged() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, T0).prepare(interview, T0.plusSeconds(10)).hold(interview, 30, 30, HELD);

        assertThat(only(timelineOf(maya), "InterviewHeld").flags()).isEmpty();
    }

    @Test
    void thankYouMoreThan24hAfterHeld_isFlaggedLate() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, T0).hold(interview, 30, 30, HELD).thank(interview, HELD.plus(Duration.ofHours(25)));

        assertThat(only(timelineOf(maya), "ThankYouSent").flags()).containsExactly(Flag.LATE_THANK_YOU);
    }

    @Test
    void thankYouWithin24h_isNotLate() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, T0).hold(interview, 30, 30, HELD).thank(interview, HELD.plus(Duration.ofHours(24)));

        assertThat(only(timelineOf(maya), "ThankYouSent").flags()).isEmpty();
    }

    @Test
    void earlyJobInquiry_isFlagged() {
        var maya = journal().contact("Maya Chen", T0);
        maya.jobInquiry(true, T0.plusSeconds(5));

        TimelineEntry entry = only(timelineOf(maya), "JobInquiryMade");
        assertThat(entry.flags()).containsExactly(Flag.EARLY_JOB_INQUIRY);
        assertThat(entry.summary()).isEqualTo("Asked about job openings before the relationship was established");
    }

    @Test
    void entries_areOrderedByWhenTheyHappened_notWhenRecorded() {
        var maya = journal().contact("Maya Chen", T0);
        maya.followUp(T0.plus(Duration.ofDays(3)));
        maya.jobInquiry(false, T0.plus(Duration.ofDays(1)));  // logged after the fact

        assertThat(timelineOf(maya)).extracting(TimelineEntry::type)
                .containsExactly("ContactAdded", "JobInquiryMade", "FollowUpLogged");
    }

    @Test
    void storedTimeline_equalsThePureFunctionOverTheStream() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.VIDEO, 30, "archives work", T0);
        maya.accept(interview, T0).schedule(interview, HELD, T0).hold(interview, 30, 40, HELD)
                .thank(interview, HELD.plus(Duration.ofDays(2))).followUp(HELD.plus(Duration.ofDays(9)));

        List<TimelineEntry> stored = timelineOf(maya);
        List<TimelineEntry> derived = Timeline.entriesFor(
                eventStore.readEvents(maya.id.toString()).asStream().toList(), practice);

        assertThat(stored).isEqualTo(derived);
    }

    @Test
    void nudge_isAnEntryAboutItsInterview() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.nudge(interview, T0.plus(Duration.ofDays(8)));

        TimelineEntry entry = only(timelineOf(maya), "NudgeSent");
        assertThat(entry.summary()).isEqualTo("Sent a nudge about the request by email");
        assertThat(entry.interviewId()).isEqualTo(interview);
        assertThat(entry.flags()).isEmpty();
    }

    @Test
    void answerAfterTheRequestWasMarkedUnanswered_isFlaggedLateAnswer() {
        var maya = journal().contact("Maya Chen", T0);
        UUID accepted = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.unanswered(accepted, T0.plus(Duration.ofDays(14))).accept(accepted, T0.plus(Duration.ofDays(20)));
        UUID onTime = maya.request(Channel.EMAIL, 30, "records", T0);
        maya.decline(onTime, T0.plus(Duration.ofDays(1)));

        List<TimelineEntry> timeline = timelineOf(maya);
        TimelineEntry late = only(timeline, "InterviewAccepted");
        assertThat(late.summary()).isEqualTo("Interview request accepted, after it was marked unanswered");
        assertThat(late.flags()).containsExactly(Flag.LATE_ANSWER);
        assertThat(only(timeline, "InterviewDeclined").flags()).isEmpty();
    }

    @Test
    void scheduleIgnoringThePreferredModeOrPlace_isFlagged_placesComparedWithoutCaseAndSpace() {
        var maya = journal().contactPreferring("Maya Chen", Channel.IN_PERSON, "Café Rosa", T0);
        UUID elsewhere = maya.request(Channel.IN_PERSON, 30, "archives work", T0);
        maya.accept(elsewhere, T0).schedule(elsewhere, HELD, Channel.VIDEO, "Zoom", T0);
        UUID there = maya.request(Channel.IN_PERSON, 30, "records", T0.plusSeconds(1));
        maya.accept(there, T0).schedule(there, HELD, Channel.IN_PERSON, "  CAFÉ ROSA ", T0.plusSeconds(2));
        UUID call = maya.request(Channel.IN_PERSON, 30, "maps", T0.plusSeconds(3));
        maya.accept(call, T0).schedule(call, HELD, Channel.IN_PERSON, null, T0.plusSeconds(4));

        List<TimelineEntry> schedules = timelineOf(maya).stream()
                .filter(entry -> entry.type().equals("InterviewScheduled")).toList();
        assertThat(schedules).extracting(TimelineEntry::flags).containsExactly(
                List.of(Flag.IGNORED_PREFERRED_CHANNEL, Flag.IGNORED_PREFERRED_LOCATION), List.of(), List.of());
    }

    @Test
    void withoutAPreferredPlace_noScheduleIsFlaggedForItsPlace() {
        var maya = journal().contactPreferring("Maya Chen", null, null, T0);
        UUID interview = maya.request(Channel.PHONE, 30, "archives work", T0);
        maya.accept(interview, T0).schedule(interview, HELD, Channel.VIDEO, "Zoom", T0);

        assertThat(timelineOf(maya)).allSatisfy(entry -> assertThat(entry.flags()).isEmpty());
    }

    @Test
    void appliedTwice_changesNothing() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.PHONE, 30, "archives work", T0);
        maya.accept(interview, T0).hold(interview, 30, 45, HELD).thank(interview, HELD.plus(Duration.ofDays(2)))
                .rename("Maya Chen-Ortiz", "State Archives", HELD.plus(Duration.ofDays(3)));
        awaitProjections();
        var before = dump("timeline_entry", "timeline_state");

        redeliver(projection, maya.id.toString());

        assertThat(dump("timeline_entry", "timeline_state")).isEqualTo(before);
    }
}
