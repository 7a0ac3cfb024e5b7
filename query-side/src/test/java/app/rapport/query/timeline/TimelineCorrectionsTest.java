package app.rapport.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.events.contact.FollowUpLogged;
import app.rapport.events.interview.InterviewHeld;
import app.rapport.platform.PracticeSettings;
import app.rapport.query.Journal;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.values.Channel;
import app.rapport.values.EntryChanges;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The timeline keeps every entry: a corrected one shows the corrected values, flagged, a retracted
 * one keeps its line, flagged, the correction or retraction is an entry of its own, and later
 * flags are judged by the corrected values; as of a moment before the correction it shows the
 * original.
 */
class TimelineCorrectionsTest extends QueryIntegrationTest {

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

    static TimelineEntry only(List<TimelineEntry> timeline, String type) {
        List<TimelineEntry> ofType = timeline.stream().filter(entry -> entry.type().equals(type)).toList();
        assertThat(ofType).as("entries of type " + type).hasSize(1);
        return ofType.get(0);
    }

    static EntryChanges minutes(int actual) {
        return new EntryChanges(null, null, actual, null, null, null);
    }

    List<TimelineEntry> asOf(Journal.ContactStream contact, Instant asOf) {
        List<? extends DomainEventMessage<?>> stream = eventStore.readEvents(contact.id.toString(), 0).asStream()
                .filter(event -> !event.getTimestamp().isAfter(asOf)).toList();
        return Timeline.entriesFor(stream, practice);
    }

    @Test
    void correctedHold_showsTheCorrectedValues_flaggedCorrected_andTheCorrectionIsAnEntryOfItsOwn() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, T0).prepare(interview, T0).hold(interview, 30, 45, HELD);
        String hold = maya.lastEventId();
        Instant correctedAt = HELD.plus(Duration.ofHours(2));

        maya.correct(hold, InterviewHeld.class, interview, null, minutes(30), "misread the clock", correctedAt);
        String correction = maya.lastEventId();

        List<TimelineEntry> timeline = timelineOf(maya);
        TimelineEntry held = only(timeline, "InterviewHeld");
        assertThat(held.eventId()).isEqualTo(hold);
        assertThat(held.summary()).isEqualTo("Held a 30-minute interview (30 agreed)");
        assertThat(held.flags()).containsExactly(Flag.CORRECTED);
        assertThat(held.details()).containsEntry("actualMinutes", 30);
        assertThat(held.details().get("corrections")).isEqualTo(List.of(Map.of("entryId", correction,
                "reason", "misread the clock", "at", correctedAt.toString(), "changes", Map.of("actualMinutes", 30))));

        TimelineEntry entry = only(timeline, "EntryCorrected");
        assertThat(entry.summary()).isEqualTo("Corrected the held interview: misread the clock");
        assertThat(entry.interviewId()).isEqualTo(interview);
        assertThat(entry.at()).isEqualTo(correctedAt);
        assertThat(entry.details()).containsEntry("entryId", hold).containsEntry("entryType", "InterviewHeld");
    }

    @Test
    void correctedHeldAt_judgesTheThankYouByTheCorrectedTime() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, T0).prepare(interview, T0).hold(interview, 30, 30, HELD);
        String hold = maya.lastEventId();
        maya.thank(interview, HELD.plus(Duration.ofHours(30)));
        assertThat(only(timelineOf(maya), "ThankYouSent").flags()).containsExactly(Flag.LATE_THANK_YOU);

        maya.correct(hold, InterviewHeld.class, interview, null,
                new EntryChanges(null, HELD.plus(Duration.ofHours(10)), null, null, null, null), "held it later",
                HELD.plus(Duration.ofHours(31)));

        List<TimelineEntry> timeline = timelineOf(maya);
        assertThat(only(timeline, "ThankYouSent").flags()).isEmpty();
        assertThat(only(timeline, "InterviewHeld").at()).isEqualTo(HELD.plus(Duration.ofHours(10)));
    }

    @Test
    void correctedActualMinutes_makesTheHoldOverrun() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, T0).prepare(interview, T0).hold(interview, 30, 30, HELD);

        maya.correct(maya.lastEventId(), InterviewHeld.class, interview, null, minutes(50), "ran long",
                HELD.plusSeconds(60));

        assertThat(only(timelineOf(maya), "InterviewHeld").flags()).containsExactly(Flag.OVERRAN, Flag.CORRECTED);
    }

    @Test
    void retractedFollowUp_keepsItsLineFlaggedRetracted_andTheRetractionIsAnEntryOfItsOwn() {
        var maya = journal().contact("Maya Chen", T0);
        maya.followUp(T0.plus(Duration.ofDays(2)));
        String followUp = maya.lastEventId();
        Instant retractedAt = T0.plus(Duration.ofDays(3));

        maya.retract(followUp, FollowUpLogged.class, null, maya.lastFollowUpId(), "wrong contact", retractedAt);
        String retraction = maya.lastEventId();

        List<TimelineEntry> timeline = timelineOf(maya);
        assertThat(timeline).extracting(TimelineEntry::type)
                .containsExactly("ContactAdded", "FollowUpLogged", "EntryRetracted");
        TimelineEntry retracted = only(timeline, "FollowUpLogged");
        assertThat(retracted.flags()).containsExactly(Flag.RETRACTED);
        assertThat(retracted.summary()).isEqualTo("Followed up by email (congratulations)");
        assertThat(retracted.details().get("retraction")).isEqualTo(Map.of("entryId", retraction,
                "reason", "wrong contact", "at", retractedAt.toString()));
        assertThat(only(timeline, "EntryRetracted").summary()).isEqualTo("Retracted the follow-up: wrong contact");
    }

    @Test
    void retractedHold_heldAgain_showsBothHolds_andOnlyTheNewOneCounts() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, T0).prepare(interview, T0).hold(interview, 30, 45, HELD);
        String first = maya.lastEventId();
        maya.retract(first, InterviewHeld.class, interview, null, "cancelled at the last minute", HELD.plusSeconds(60));
        Instant heldAgain = HELD.plus(Duration.ofDays(2));
        maya.hold(interview, 30, 30, heldAgain).thank(interview, heldAgain.plus(Duration.ofHours(3)));

        List<TimelineEntry> timeline = timelineOf(maya);
        List<TimelineEntry> holds = timeline.stream().filter(entry -> entry.type().equals("InterviewHeld")).toList();
        assertThat(holds).extracting(TimelineEntry::eventId).first().isEqualTo(first);
        assertThat(holds).extracting(TimelineEntry::flags).containsExactly(List.of(Flag.RETRACTED), List.of());
        assertThat(only(timeline, "ThankYouSent").flags()).as("judged by the hold that stands").isEmpty();
    }

    @Test
    void asOfBeforeTheCorrection_showsTheOriginal_andAfterIt_theStoredTimeline() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, T0).prepare(interview, T0).hold(interview, 30, 45, HELD);
        String hold = maya.lastEventId();
        Instant review = HELD.plus(Duration.ofHours(1));
        maya.correct(hold, InterviewHeld.class, interview, null, minutes(30), "misread the clock",
                HELD.plus(Duration.ofHours(2)));

        List<TimelineEntry> before = asOf(maya, review);
        assertThat(before).extracting(TimelineEntry::type).doesNotContain("EntryCorrected");
        assertThat(only(before, "InterviewHeld").flags()).containsExactly(Flag.OVERRAN);
        assertThat(only(before, "InterviewHeld").details()).containsEntry("actualMinutes", 45)
                .doesNotContainKey("corrections");

        assertThat(asOf(maya, HELD.plus(Duration.ofDays(1)))).isEqualTo(timelineOf(maya));
    }

    @Test
    void storedTimeline_equalsThePureFunctionOverTheStream_withAmendments() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.VIDEO, 30, "archives work", T0);
        maya.nudge(interview, T0.plus(Duration.ofDays(8))).unanswered(interview, T0.plus(Duration.ofDays(15)))
                .accept(interview, T0.plus(Duration.ofDays(16)))
                .schedule(interview, HELD.plus(Duration.ofDays(15)), Channel.PHONE, "Café Rosa", T0.plus(Duration.ofDays(16)))
                .hold(interview, 30, 40, HELD.plus(Duration.ofDays(15)));
        maya.correct(maya.lastEventId(), InterviewHeld.class, interview, null, minutes(35), "nearer 35",
                HELD.plus(Duration.ofDays(16)));
        maya.followUp(HELD.plus(Duration.ofDays(20)));
        maya.retract(maya.lastEventId(), FollowUpLogged.class, null, maya.lastFollowUpId(), "wrong contact",
                HELD.plus(Duration.ofDays(21)));
        maya.thank(interview, HELD.plus(Duration.ofDays(22)));

        List<TimelineEntry> stored = timelineOf(maya);
        List<TimelineEntry> derived = Timeline.entriesFor(
                eventStore.readEvents(maya.id.toString()).asStream().toList(), practice);

        assertThat(stored).isEqualTo(derived);
    }

    @Test
    void appliedTwice_afterCorrectionsAndRetractions_changesNothing() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.PHONE, 30, "archives work", T0);
        maya.accept(interview, T0).hold(interview, 30, 45, HELD);
        maya.correct(maya.lastEventId(), InterviewHeld.class, interview, null, minutes(30), "misread the clock",
                HELD.plusSeconds(60));
        maya.followUp(HELD.plus(Duration.ofDays(2)));
        maya.retract(maya.lastEventId(), FollowUpLogged.class, null, maya.lastFollowUpId(), "wrong contact",
                HELD.plus(Duration.ofDays(3)));
        maya.thank(interview, HELD.plus(Duration.ofDays(4)));
        awaitProjections();
        var before = dump("timeline_entry", "timeline_state");

        redeliver(projection, maya.id.toString());

        assertThat(dump("timeline_entry", "timeline_state")).isEqualTo(before);
    }
}
