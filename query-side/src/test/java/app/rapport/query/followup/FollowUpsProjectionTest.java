package app.rapport.query.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.rapport.query.Journal;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.values.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class FollowUpsProjectionTest extends QueryIntegrationTest {

    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    @Autowired
    FollowUpsProjection projection;

    List<DueItem> openItemsOf(Journal.ContactStream contact) {
        awaitProjections();
        return jdbc.query("SELECT * FROM due_item WHERE owner_id = ? AND contact_id = ? AND open", DueItem.MAPPER,
                contact.owner(), contact.id);
    }

    @Test
    void request_opensAResponseNudge_dueSevenDaysLater() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);

        assertThat(openItemsOf(maya)).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(DueKind.RESPONSE_NUDGE);
            assertThat(item.interviewId()).isEqualTo(interview);
            assertThat(item.dueAt()).isEqualTo(T0.plus(Duration.ofDays(7)));
        });
    }

    @Test
    void anAnswer_closesTheResponseNudge() {
        var maya = journal().contact("Maya Chen", T0);
        UUID accepted = maya.request(Channel.EMAIL, 30, "archives work", T0);
        UUID declined = maya.request(Channel.EMAIL, 30, "other work", T0);
        UUID unanswered = maya.request(Channel.EMAIL, 30, "more work", T0);
        maya.accept(accepted, T0.plusSeconds(60)).decline(declined, T0.plusSeconds(60))
                .unanswered(unanswered, T0.plus(Duration.ofDays(8)));

        assertThat(openItemsOf(maya)).isEmpty();
    }

    @Test
    void schedule_opensPrepare_dueADayBefore_andPreparationClosesIt() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        Instant scheduledFor = T0.plus(Duration.ofDays(10));
        maya.accept(interview, T0).schedule(interview, scheduledFor, T0);

        assertThat(openItemsOf(maya)).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(DueKind.PREPARE);
            assertThat(item.dueAt()).isEqualTo(scheduledFor.minus(Duration.ofHours(24)));
        });

        maya.prepare(interview, T0.plus(Duration.ofDays(8)));
        assertThat(openItemsOf(maya)).isEmpty();
    }

    @Test
    void rescheduleAfterPreparation_doesNotReopenPrepare() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, T0).schedule(interview, T0.plus(Duration.ofDays(10)), T0)
                .prepare(interview, T0.plus(Duration.ofDays(1)))
                .schedule(interview, T0.plus(Duration.ofDays(12)), T0.plus(Duration.ofDays(2)));

        assertThat(openItemsOf(maya)).isEmpty();
    }

    @Test
    void held_opensThankYou_dueADayAfter_andClosesPrepare() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        Instant heldAt = T0.plus(Duration.ofDays(10));
        maya.accept(interview, T0).schedule(interview, heldAt, T0).hold(interview, 30, 30, heldAt);

        assertThat(openItemsOf(maya)).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(DueKind.THANK_YOU);
            assertThat(item.dueAt()).isEqualTo(heldAt.plus(Duration.ofHours(24)));
        });
    }

    @Test
    void thankYou_closesThankYou_andOpensKeepInTouch_dueLastTouchPlus60Days() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        Instant thanked = T0.plus(Duration.ofDays(11));
        maya.accept(interview, T0).hold(interview, 30, 30, T0.plus(Duration.ofDays(10))).thank(interview, thanked);

        assertThat(openItemsOf(maya)).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(DueKind.KEEP_IN_TOUCH);
            assertThat(item.interviewId()).isNull();
            assertThat(item.dueAt()).isEqualTo(thanked.plus(Duration.ofDays(60)));
        });
    }

    @Test
    void keepInTouch_followsTheContactsOwnCadence_andMovesWithEachTouch() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        Instant followedUp = T0.plus(Duration.ofDays(30));
        maya.accept(interview, T0).hold(interview, 30, 30, T0.plus(Duration.ofDays(10)))
                .thank(interview, T0.plus(Duration.ofDays(11))).cadence(14, T0.plus(Duration.ofDays(12)))
                .followUp(followedUp);

        assertThat(openItemsOf(maya)).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(DueKind.KEEP_IN_TOUCH);
            assertThat(item.dueAt()).isEqualTo(followedUp.plus(Duration.ofDays(14)));
        });
    }

    @Test
    void cancel_closesTheInterviewsDeadlines() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, T0).schedule(interview, T0.plus(Duration.ofDays(10)), T0).cancel(interview, T0);

        assertThat(openItemsOf(maya)).isEmpty();
    }

    @Test
    void archive_closesEverything_andRestore_reopensOnlyKeepInTouch() {
        var maya = journal().contact("Maya Chen", T0);
        UUID first = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(first, T0).hold(first, 30, 30, T0.plus(Duration.ofDays(1))).thank(first, T0.plus(Duration.ofDays(2)));
        maya.request(Channel.EMAIL, 30, "more", T0.plus(Duration.ofDays(3)));
        assertThat(openItemsOf(maya)).extracting(DueItem::kind)
                .containsExactlyInAnyOrder(DueKind.KEEP_IN_TOUCH, DueKind.RESPONSE_NUDGE);

        maya.archive(T0.plus(Duration.ofDays(4)));
        assertThat(openItemsOf(maya)).isEmpty();

        maya.restore(T0.plus(Duration.ofDays(5)));
        assertThat(openItemsOf(maya)).extracting(DueItem::kind).containsExactly(DueKind.KEEP_IN_TOUCH);
    }

    @Test
    void restoreOfAContactNeverThanked_opensNothing() {
        var maya = journal().contact("Maya Chen", T0);
        maya.archive(T0.plusSeconds(1)).restore(T0.plusSeconds(2));

        assertThat(openItemsOf(maya)).isEmpty();
    }

    @Test
    void nudge_closesTheResponseNudge_andIsATouch() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        Instant nudged = T0.plus(Duration.ofDays(8));
        maya.nudge(interview, nudged);

        assertThat(openItemsOf(maya)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT last_touch_at FROM due_contact WHERE contact_id = ?",
                java.sql.Timestamp.class, maya.id).toInstant()).isEqualTo(nudged);
    }

    @Test
    void nudge_movesKeepingInTouch_likeEveryTouch() {
        var maya = journal().contact("Maya Chen", T0);
        UUID first = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(first, T0).hold(first, 30, 30, T0.plus(Duration.ofDays(1))).thank(first, T0.plus(Duration.ofDays(2)));
        UUID second = maya.request(Channel.EMAIL, 30, "more", T0.plus(Duration.ofDays(3)));
        Instant nudged = T0.plus(Duration.ofDays(11));
        maya.nudge(second, nudged);

        assertThat(openItemsOf(maya)).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(DueKind.KEEP_IN_TOUCH);
            assertThat(item.dueAt()).isEqualTo(nudged.plus(Duration.ofDays(60)));
        });
    }

    @Test
    void lateAnswer_afterNoResponse_opensThePreparationWhenScheduled() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        Instant late = T0.plus(Duration.ofDays(20));
        Instant scheduledFor = late.plus(Duration.ofDays(7));
        maya.unanswered(interview, T0.plus(Duration.ofDays(14))).accept(interview, late)
                .schedule(interview, scheduledFor, late);

        assertThat(openItemsOf(maya)).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(DueKind.PREPARE);
            assertThat(item.dueAt()).isEqualTo(scheduledFor.minus(Duration.ofHours(24)));
        });
    }

    @Test
    void appliedTwice_changesNothing() {
        var maya = journal().contact("Maya Chen", T0);
        UUID first = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(first, T0).schedule(first, T0.plus(Duration.ofDays(3)), T0)
                .hold(first, 30, 30, T0.plus(Duration.ofDays(3))).thank(first, T0.plus(Duration.ofDays(4)));
        maya.request(Channel.EMAIL, 30, "more", T0.plus(Duration.ofDays(5)));
        awaitProjections();
        var before = dump("due_item", "due_contact");

        redeliver(projection, maya.id.toString());

        assertThat(dump("due_item", "due_contact")).isEqualTo(before);
    }
}
