package app.rapport.query.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.rapport.events.contact.FollowUpLogged;
import app.rapport.events.interview.InterviewHeld;
import app.rapport.events.interview.InterviewRequested;
import app.rapport.events.interview.NudgeSent;
import app.rapport.events.interview.ThankYouSent;
import app.rapport.query.Journal;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.values.Channel;
import app.rapport.values.EntryChanges;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The overdue view's deadlines follow an entry's corrected values, and reopen or close as if a retracted entry had never been recorded. */
class FollowUpsCorrectionsTest extends QueryIntegrationTest {

    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final Instant HELD = T0.plus(Duration.ofDays(5));

    @Autowired
    FollowUpsProjection projection;

    List<DueItem> openItemsOf(Journal.ContactStream contact) {
        awaitProjections();
        return jdbc.query("SELECT * FROM due_item WHERE owner_id = ? AND contact_id = ? AND open", DueItem.MAPPER,
                contact.owner(), contact.id);
    }

    static EntryChanges at(Instant at) {
        return new EntryChanges(at, null, null, null, null, null);
    }

    @Test
    void correctedHeldAt_movesTheThankYouDeadline() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, T0).hold(interview, 30, 30, HELD);
        Instant rightDay = HELD.plus(Duration.ofDays(1));

        maya.correct(maya.lastEventId(), InterviewHeld.class, interview, null,
                new EntryChanges(null, rightDay, null, null, null, null), "logged the wrong day",
                rightDay.plusSeconds(60));

        assertThat(openItemsOf(maya)).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(DueKind.THANK_YOU);
            assertThat(item.dueAt()).isEqualTo(rightDay.plus(Duration.ofHours(24)));
        });
    }

    @Test
    void retractedHold_closesTheThankYou_andTheUnpreparedInterviewIsDueForPreparationAgain() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, T0).schedule(interview, HELD, T0).hold(interview, 30, 30, HELD);

        maya.retract(maya.lastEventId(), InterviewHeld.class, interview, null, "cancelled at the last minute",
                HELD.plusSeconds(60));

        assertThat(openItemsOf(maya)).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(DueKind.PREPARE);
            assertThat(item.dueAt()).isEqualTo(HELD.minus(Duration.ofHours(24)));
        });
    }

    @Test
    void retractedThankYou_reopensTheThankYou_andNoLongerOwesKeepingInTouch() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, T0).hold(interview, 30, 30, HELD).thank(interview, HELD.plus(Duration.ofHours(3)));
        assertThat(openItemsOf(maya)).extracting(DueItem::kind).containsExactly(DueKind.KEEP_IN_TOUCH);

        maya.retract(maya.lastEventId(), ThankYouSent.class, interview, null, "still in my drafts",
                HELD.plus(Duration.ofHours(4)));

        assertThat(openItemsOf(maya)).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(DueKind.THANK_YOU);
            assertThat(item.dueAt()).isEqualTo(HELD.plus(Duration.ofHours(24)));
        });
    }

    @Test
    void retractedFollowUp_noLongerCountsAsATouch_forKeepingInTouch() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        Instant thanked = HELD.plus(Duration.ofHours(3));
        maya.accept(interview, T0).hold(interview, 30, 30, HELD).thank(interview, thanked)
                .followUp(HELD.plus(Duration.ofDays(30)));

        maya.retract(maya.lastEventId(), FollowUpLogged.class, null, maya.lastFollowUpId(), "wrong contact",
                HELD.plus(Duration.ofDays(31)));

        assertThat(openItemsOf(maya)).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(DueKind.KEEP_IN_TOUCH);
            assertThat(item.dueAt()).isEqualTo(thanked.plus(Duration.ofDays(60)));
        });
    }

    @Test
    void retractedNudge_reopensTheResponseNudge() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.nudge(interview, T0.plus(Duration.ofDays(8)));
        assertThat(openItemsOf(maya)).isEmpty();

        maya.retract(maya.lastEventId(), NudgeSent.class, interview, null, "never sent",
                T0.plus(Duration.ofDays(9)));

        assertThat(openItemsOf(maya)).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(DueKind.RESPONSE_NUDGE);
            assertThat(item.dueAt()).isEqualTo(T0.plus(Duration.ofDays(7)));
        });
    }

    @Test
    void correctedRequestTime_movesTheResponseNudge() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0.plus(Duration.ofDays(2)));

        maya.correct(maya.lastEventId(), InterviewRequested.class, interview, null, at(T0), "sent it on Monday",
                T0.plus(Duration.ofDays(3)));

        assertThat(openItemsOf(maya)).singleElement()
                .satisfies(item -> assertThat(item.dueAt()).isEqualTo(T0.plus(Duration.ofDays(7))));
    }

    @Test
    void appliedTwice_afterCorrectionsAndRetractions_changesNothing() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.nudge(interview, T0.plus(Duration.ofDays(8)));
        maya.retract(maya.lastEventId(), NudgeSent.class, interview, null, "never sent", T0.plus(Duration.ofDays(9)));
        maya.accept(interview, T0.plus(Duration.ofDays(10))).hold(interview, 30, 30, HELD.plus(Duration.ofDays(10)));
        maya.correct(maya.lastEventId(), InterviewHeld.class, interview, null,
                new EntryChanges(null, HELD.plus(Duration.ofDays(9)), null, null, null, null), "the day before",
                HELD.plus(Duration.ofDays(11)));
        maya.thank(interview, HELD.plus(Duration.ofDays(12)));
        awaitProjections();
        var before = dump("due_item", "due_contact");

        redeliver(projection, maya.id.toString());

        assertThat(dump("due_item", "due_contact")).isEqualTo(before);
    }
}
