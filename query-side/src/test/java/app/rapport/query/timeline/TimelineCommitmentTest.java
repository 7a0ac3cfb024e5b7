package app.rapport.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.rapport.platform.PracticeSettings;
import app.rapport.query.Journal;
import app.rapport.query.Promises;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.values.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The timeline shows each promise, and how and when it was kept (late ones flagged) or dropped. */
class TimelineCommitmentTest extends QueryIntegrationTest {

    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final Instant HELD = T0.plus(Duration.ofDays(5));
    static final Instant DUE = HELD.plus(Duration.ofDays(7));

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
        return timeline.stream().filter(entry -> entry.type().equals(type)).reduce((a, b) -> {
            throw new AssertionError("more than one " + type);
        }).orElseThrow();
    }

    /** A contact with an interview held; answers the interview. */
    UUID held(Journal.ContactStream contact) {
        UUID interview = contact.request(Channel.EMAIL, 30, "archives work", T0);
        contact.accept(interview, T0).hold(interview, 30, 30, HELD);
        return interview;
    }

    @Test
    void aPromise_isAnEntryOfTheInterviewItWasMadeIn_sayingWhatAndByWhen() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = held(maya);
        UUID commitment = Promises.make(maya, "send the article on lineage", interview, DUE, HELD);

        TimelineEntry entry = only(timelineOf(maya), "CommitmentMade");
        assertThat(entry.summary()).isEqualTo("Promised: send the article on lineage (due by " + DUE + ")");
        assertThat(entry.at()).isEqualTo(HELD);
        assertThat(entry.interviewId()).isEqualTo(interview);
        assertThat(entry.details()).containsEntry("commitmentId", commitment.toString())
                .containsEntry("promise", "send the article on lineage").containsEntry("dueBy", DUE.toString());
        assertThat(entry.flags()).isEmpty();
    }

    @Test
    void aPromiseKeptInTimeByAFollowUp_saysSo_atTheFollowUpsTime() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = held(maya);
        UUID commitment = Promises.make(maya, "send the article", interview, DUE, HELD);
        UUID followUp = Promises.followUpKeeping(maya, DUE.minus(Duration.ofDays(1)), commitment);

        List<TimelineEntry> timeline = timelineOf(maya);
        TimelineEntry kept = only(timeline, "CommitmentKept");
        assertThat(kept.summary()).isEqualTo("Kept the promise \"send the article\", by a follow-up, in time");
        assertThat(kept.at()).isEqualTo(DUE.minus(Duration.ofDays(1)));
        assertThat(kept.interviewId()).isEqualTo(interview);
        assertThat(kept.details()).containsEntry("followUpId", followUp.toString());
        assertThat(kept.flags()).isEmpty();
        assertThat(only(timeline, "FollowUpLogged").summary())
                .isEqualTo("Followed up by email (advice taken), keeping a promise");
    }

    @Test
    void aPromiseKeptAfterItWasDue_isFlaggedLate() {
        var maya = journal().contact("Maya Chen", T0);
        UUID commitment = Promises.make(maya, "send the article", held(maya), DUE, HELD);
        Promises.keep(maya, commitment, "sent it at last", DUE.plus(Duration.ofDays(3)));

        TimelineEntry kept = only(timelineOf(maya), "CommitmentKept");
        assertThat(kept.summary()).isEqualTo("Kept the promise \"send the article\", after it was due (" + DUE + ")");
        assertThat(kept.flags()).containsExactly(Flag.LATE_COMMITMENT);
        assertThat(kept.details()).containsEntry("note", "sent it at last");
    }

    @Test
    void aPromiseWithoutADueDate_isNeverKeptLate() {
        var maya = journal().contact("Maya Chen", T0);
        UUID commitment = Promises.make(maya, "tell her how it went", null, null, T0);
        Promises.keep(maya, commitment, null, T0.plus(Duration.ofDays(300)));

        TimelineEntry kept = only(timelineOf(maya), "CommitmentKept");
        assertThat(kept.summary()).isEqualTo("Kept the promise \"tell her how it went\"");
        assertThat(kept.interviewId()).isNull();
        assertThat(kept.flags()).isEmpty();
    }

    @Test
    void aPromiseDropped_saysWhich_andWhy() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = held(maya);
        UUID commitment = Promises.make(maya, "send the article", interview, DUE, HELD);
        Promises.drop(maya, commitment, "she found it herself", DUE.plus(Duration.ofDays(1)));

        TimelineEntry dropped = only(timelineOf(maya), "CommitmentDropped");
        assertThat(dropped.summary()).isEqualTo("Dropped the promise \"send the article\": she found it herself");
        assertThat(dropped.interviewId()).isEqualTo(interview);
        assertThat(dropped.flags()).isEmpty();
    }

    @Test
    void theTimelineFoldedAgain_saysTheSameOfPromises() {
        var maya = journal().contact("Maya Chen", T0);
        UUID late = Promises.make(maya, "send the article", held(maya), DUE, HELD);
        UUID dropped = Promises.make(maya, "visit", null, null, HELD);
        Promises.keep(maya, late, null, DUE.plus(Duration.ofDays(1)));
        Promises.drop(maya, dropped, "moved away", DUE.plus(Duration.ofDays(2)));

        List<TimelineEntry> stored = timelineOf(maya);

        assertThat(Timeline.entriesFor(eventStore.readEvents(maya.id.toString()).asStream().toList(), practice))
                .isEqualTo(stored);
    }

    @Test
    void appliedTwice_changesNothing() {
        var maya = journal().contact("Maya Chen", T0);
        UUID commitment = Promises.make(maya, "send the article", held(maya), DUE, HELD);
        UUID other = Promises.make(maya, "visit", null, null, HELD);
        Promises.followUpKeeping(maya, DUE.plus(Duration.ofDays(1)), commitment);
        Promises.drop(maya, other, "moot", DUE.plus(Duration.ofDays(2)));
        awaitProjections();
        var before = dump("timeline_entry", "timeline_state");

        redeliver(projection, maya.id.toString());

        assertThat(dump("timeline_entry", "timeline_state")).isEqualTo(before);
    }
}
