package app.rapport.query.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.rapport.query.Journal;
import app.rapport.query.Promises;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.values.Channel;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An open promise past its due date is an overdue item of kind COMMITMENT, until it is kept or dropped. */
class FollowUpsCommitmentTest extends QueryIntegrationTest {

    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final Instant DUE = T0.plus(Duration.ofDays(7));

    @Autowired
    FollowUpsProjection projection;

    List<DueItem> commitmentItemsOf(Journal.ContactStream contact, boolean open) {
        awaitProjections();
        return jdbc.query("SELECT * FROM due_item WHERE owner_id = ? AND contact_id = ? AND kind = 'COMMITMENT'"
                + (open ? " AND open" : ""), DueItem.MAPPER, contact.owner(), contact.id);
    }

    @Test
    void aPromiseWithADueDate_isDueThen_aboutItsInterviewAndItself() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        UUID commitment = Promises.make(maya, "send the article", interview, DUE, T0);

        assertThat(commitmentItemsOf(maya, true)).singleElement().satisfies(item -> {
            assertThat(item.dueAt()).isEqualTo(DUE);
            assertThat(item.interviewId()).isEqualTo(interview);
            assertThat(item.commitmentId()).isEqualTo(commitment);
        });
    }

    @Test
    void aPromiseWithoutADueDate_isNeverDue() {
        var maya = journal().contact("Maya Chen", T0);
        Promises.make(maya, "tell her how the application went", null, null, T0);

        assertThat(commitmentItemsOf(maya, false)).isEmpty();
    }

    @Test
    void keepingOrDroppingAPromise_leavesNothingDue() {
        var maya = journal().contact("Maya Chen", T0);
        UUID kept = Promises.make(maya, "send the article", null, DUE, T0);
        UUID byFollowUp = Promises.make(maya, "send the slides", null, DUE, T0);
        UUID dropped = Promises.make(maya, "visit the archive", null, DUE, T0);
        Promises.keep(maya, kept, "sent", DUE.plus(Duration.ofDays(1)));
        Promises.followUpKeeping(maya, T0.plus(Duration.ofDays(2)), byFollowUp);
        Promises.drop(maya, dropped, "it closed", T0.plus(Duration.ofDays(3)));

        assertThat(commitmentItemsOf(maya, false)).isEmpty();
    }

    @Test
    void archiving_closesAnOpenPromise_andRestoringReopensOnlyTheOnesStillOpen() {
        var maya = journal().contact("Maya Chen", T0);
        UUID open = Promises.make(maya, "send the article", null, DUE, T0);
        UUID kept = Promises.make(maya, "send the slides", null, DUE, T0);
        maya.archive(T0.plus(Duration.ofDays(1)));
        assertThat(commitmentItemsOf(maya, true)).isEmpty();

        maya.restore(T0.plus(Duration.ofDays(2)));
        Promises.keep(maya, kept, null, T0.plus(Duration.ofDays(3)));

        assertThat(commitmentItemsOf(maya, true)).extracting(DueItem::commitmentId).containsExactly(open);
        maya.archive(T0.plus(Duration.ofDays(4))).restore(T0.plus(Duration.ofDays(5)));
        assertThat(commitmentItemsOf(maya, true)).extracting(DueItem::commitmentId).containsExactly(open);
    }

    @Test
    void aPromiseKeptOnItsOwn_isNoTouch_butAFollowUpThatKeepsOneIs() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, T0).hold(interview, 30, 30, T0.plus(Duration.ofDays(1)))
                .thank(interview, T0.plus(Duration.ofDays(1)));
        UUID alone = Promises.make(maya, "apply to the programme", interview, null, T0.plus(Duration.ofDays(1)));
        UUID told = Promises.make(maya, "send the article", interview, null, T0.plus(Duration.ofDays(1)));
        Promises.keep(maya, alone, "applied", T0.plus(Duration.ofDays(10)));
        awaitProjections();
        assertThat(lastTouchOf(maya)).isEqualTo(T0.plus(Duration.ofDays(1)));

        Promises.followUpKeeping(maya, T0.plus(Duration.ofDays(12)), told);
        awaitProjections();
        assertThat(lastTouchOf(maya)).isEqualTo(T0.plus(Duration.ofDays(12)));
    }

    @Test
    void theOverdueView_listsAPromisePastDue_withItsCommitmentId() {
        Journal mentee = journal();
        mentee.grant("demo", T0);
        var maya = mentee.contact("Maya Chen", T0);
        UUID commitment = Promises.make(maya, "send the article", null, DUE, T0);
        maya.request(Channel.EMAIL, 30, "archives work", T0);
        awaitProjections();

        JsonNode overdue = http.getForObject("/api/follow-ups/overdue?kind=COMMITMENT&owner=" + mentee.owner(),
                JsonNode.class);

        assertThat(overdue.get("total").asLong()).isEqualTo(1);
        JsonNode item = overdue.get("items").get(0);
        assertThat(item.get("contactId").asText()).isEqualTo(maya.id.toString());
        assertThat(item.get("contactName").asText()).isEqualTo("Maya Chen");
        assertThat(item.get("kind").asText()).isEqualTo("COMMITMENT");
        assertThat(item.get("commitmentId").asText()).isEqualTo(commitment.toString());
        assertThat(item.get("dueAt").asText()).isEqualTo(DUE.toString());
        assertThat(item.get("overdueBy").asText()).isEqualTo(Duration.between(DUE, NOW).toString());
        JsonNode nudge = http.getForObject("/api/follow-ups/overdue?kind=RESPONSE_NUDGE&owner=" + mentee.owner(),
                JsonNode.class).get("items").get(0);
        assertThat(nudge.has("commitmentId")).as("only a commitment names one").isFalse();
    }

    @Test
    void appliedTwice_changesNothing() {
        var maya = journal().contact("Maya Chen", T0);
        UUID open = Promises.make(maya, "send the article", null, DUE, T0);
        UUID kept = Promises.make(maya, "send the slides", null, DUE, T0);
        Promises.followUpKeeping(maya, T0.plus(Duration.ofDays(2)), kept);
        maya.archive(T0.plus(Duration.ofDays(3))).restore(T0.plus(Duration.ofDays(4)));
        Promises.drop(maya, open, "moot", T0.plus(Duration.ofDays(5)));
        Promises.make(maya, "call in spring", null, DUE.plus(Duration.ofDays(30)), T0.plus(Duration.ofDays(6)));
        awaitProjections();
        var before = dump("due_item", "due_contact");

        redeliver(projection, maya.id.toString());

        assertThat(dump("due_item", "due_contact")).isEqualTo(before);
    }

    private Instant lastTouchOf(Journal.ContactStream contact) {
        return jdbc.queryForObject("SELECT last_touch_at FROM due_contact WHERE contact_id = ?",
                (row, n) -> row.getTimestamp(1).toInstant(), contact.id);
    }
}
