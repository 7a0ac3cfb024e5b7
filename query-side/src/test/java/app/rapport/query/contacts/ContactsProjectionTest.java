package app.rapport.query.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import app.rapport.events.commitment.CommitmentDropped;
import app.rapport.events.commitment.CommitmentKept;
import app.rapport.events.commitment.CommitmentMade;
import app.rapport.query.Journal;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.values.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ContactsProjectionTest extends QueryIntegrationTest {

    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    @Autowired
    ContactsProjection projection;
    @Autowired
    Contacts contacts;

    Contact contactOf(Journal.ContactStream stream) {
        awaitProjections();
        return contacts.findContact(stream.owner(), stream.id).orElseThrow();
    }

    @Test
    void newContact_isNew_withNoTouchAndNoFollowUpDue() {
        var maya = journal().contact("Maya Chen", T0);

        Contact row = contactOf(maya);
        assertThat(row.stage()).isEqualTo(Stage.NEW);
        assertThat(row.name()).isEqualTo("Maya Chen");
        assertThat(row.lastTouchAt()).isNull();
        assertThat(row.nextFollowUpDue()).isNull();
        assertThat(row.cadenceDays()).as("the default cadence").isEqualTo(60);
    }

    @Test
    void request_makesRequested_andTouches() {
        var maya = journal().contact("Maya Chen", T0);
        maya.request(Channel.EMAIL, 30, "archives work", T0.plusSeconds(60));

        Contact row = contactOf(maya);
        assertThat(row.stage()).isEqualTo(Stage.REQUESTED);
        assertThat(row.lastTouchAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void scheduledInterview_makesScheduled_butSchedulingIsNotATouch() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, T0.plus(Duration.ofDays(1)));
        maya.schedule(interview, T0.plus(Duration.ofDays(10)), T0.plus(Duration.ofDays(2)));

        Contact row = contactOf(maya);
        assertThat(row.stage()).isEqualTo(Stage.SCHEDULED);
        assertThat(row.lastTouchAt()).as("the acceptance").isEqualTo(T0.plus(Duration.ofDays(1)));
    }

    @Test
    void cancelledInterview_fallsBackToRequested() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, T0).schedule(interview, T0.plus(Duration.ofDays(10)), T0).cancel(interview, T0);

        assertThat(contactOf(maya).stage()).isEqualTo(Stage.REQUESTED);
    }

    @Test
    void heldInterview_makesInterviewed() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, T0).hold(interview, 30, 30, T0.plus(Duration.ofDays(3)));

        Contact row = contactOf(maya);
        assertThat(row.stage()).isEqualTo(Stage.INTERVIEWED);
        assertThat(row.nextFollowUpDue()).isNull();
    }

    @Test
    void thankYou_makesConnected_andFollowUpDueIsLastTouchPlusCadence() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        Instant thanked = T0.plus(Duration.ofDays(4));
        maya.accept(interview, T0).hold(interview, 30, 30, T0.plus(Duration.ofDays(3))).thank(interview, thanked);

        Contact row = contactOf(maya);
        assertThat(row.stage()).isEqualTo(Stage.CONNECTED);
        assertThat(row.lastTouchAt()).isEqualTo(thanked);
        assertThat(row.nextFollowUpDue()).isEqualTo(thanked.plus(Duration.ofDays(60)));
    }

    @Test
    void followUpAfterThankYou_makesEstablished_withTheContactsOwnCadence() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        Instant followedUp = T0.plus(Duration.ofDays(20));
        maya.accept(interview, T0).hold(interview, 30, 30, T0.plus(Duration.ofDays(3)))
                .thank(interview, T0.plus(Duration.ofDays(4))).cadence(30, T0.plus(Duration.ofDays(5)))
                .followUp(followedUp);

        Contact row = contactOf(maya);
        assertThat(row.stage()).isEqualTo(Stage.ESTABLISHED);
        assertThat(row.nextFollowUpDue()).isEqualTo(followedUp.plus(Duration.ofDays(30)));
    }

    @Test
    void followUpAtTheMomentOfTheThankYou_leavesConnected_asTheCommandSideJudgesIt() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        Instant thanked = T0.plus(Duration.ofDays(4));
        maya.accept(interview, T0).hold(interview, 30, 30, T0.plus(Duration.ofDays(3))).thank(interview, thanked)
                .followUp(thanked);

        assertThat(contactOf(maya).stage()).isEqualTo(Stage.CONNECTED);
    }

    @Test
    void aRequestGivenUpOn_isNoResponse_theCommandSidesWordForIt() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.unanswered(interview, T0.plus(Duration.ofDays(8)));
        awaitProjections();

        assertThat(contacts.findInterviews(maya.owner(), maya.id)).singleElement()
                .satisfies(row -> assertThat(row.status()).isEqualTo(InterviewStatus.NO_RESPONSE));
    }

    @Test
    void archive_makesArchived_andRestore_bringsTheStageBack() {
        var maya = journal().contact("Maya Chen", T0);
        maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.archive(T0.plusSeconds(10));
        assertThat(contactOf(maya).stage()).isEqualTo(Stage.ARCHIVED);

        maya.restore(T0.plusSeconds(20));
        assertThat(contactOf(maya).stage()).isEqualTo(Stage.REQUESTED);
    }

    @Test
    void jobInquiry_isATouch() {
        var maya = journal().contact("Maya Chen", T0);
        maya.jobInquiry(true, T0.plusSeconds(600));

        assertThat(contactOf(maya).lastTouchAt()).isEqualTo(T0.plusSeconds(600));
    }

    @Test
    void nudge_isATouch_andShowsOnTheInterview() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        Instant nudged = T0.plus(Duration.ofDays(8));
        maya.nudge(interview, nudged);

        assertThat(contactOf(maya).lastTouchAt()).isEqualTo(nudged);
        assertThat(contacts.findInterviews(maya.owner(), maya.id)).singleElement().satisfies(row -> {
            assertThat(row.nudgedAt()).isEqualTo(nudged);
            assertThat(row.status()).isEqualTo(InterviewStatus.REQUESTED);
        });
    }

    @Test
    void lateAcceptance_afterNoResponse_makesTheInterviewAccepted_andItGoesOnFromThere() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        Instant late = T0.plus(Duration.ofDays(20));
        maya.unanswered(interview, T0.plus(Duration.ofDays(14))).accept(interview, late);
        awaitProjections();
        assertThat(contacts.findInterviews(maya.owner(), maya.id)).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(InterviewStatus.ACCEPTED);
            assertThat(row.respondedAt()).isEqualTo(late);
        });
        assertThat(contactOf(maya).lastTouchAt()).isEqualTo(late);

        maya.schedule(interview, late.plus(Duration.ofDays(7)), late);
        assertThat(contactOf(maya).stage()).isEqualTo(Stage.SCHEDULED);
    }

    @Test
    void whatIsNotATouch_leavesTheLastTouch() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.unanswered(interview, T0.plus(Duration.ofDays(9))).cadence(30, T0.plus(Duration.ofDays(10)))
                .rename("Maya Chen-Ortiz", "State Archives", T0.plus(Duration.ofDays(11)))
                .archive(T0.plus(Duration.ofDays(12))).restore(T0.plus(Duration.ofDays(13)));

        assertThat(contactOf(maya).lastTouchAt()).isEqualTo(T0);
    }

    @Test
    void commitments_areKeptAsFacts_madeKeptAndDropped_andAreNotTouches() {
        var maya = journal().contact("Maya Chen", T0);
        maya.request(Channel.EMAIL, 30, "archives work", T0);
        UUID kept = UUID.randomUUID();
        UUID dropped = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        Instant due = T0.plus(Duration.ofDays(7));
        maya.append(new CommitmentMade(maya.id, maya.owner(), kept, null, "send the article", due, T0.plusSeconds(60)),
                        T0.plusSeconds(60))
                .append(new CommitmentMade(maya.id, maya.owner(), dropped, null, "call back", null, T0.plusSeconds(60)),
                        T0.plusSeconds(60))
                .append(new CommitmentMade(maya.id, maya.owner(), open, null, "write", due, T0.plusSeconds(60)),
                        T0.plusSeconds(60))
                .append(new CommitmentKept(maya.id, maya.owner(), kept, null, "sent", T0.plus(Duration.ofDays(2))),
                        T0.plus(Duration.ofDays(2)))
                .append(new CommitmentDropped(maya.id, maya.owner(), dropped, "moot", T0.plus(Duration.ofDays(3))),
                        T0.plus(Duration.ofDays(3)));
        awaitProjections();

        assertThat(jdbc.query("SELECT * FROM contact_commitment WHERE contact_id = ? ORDER BY status",
                ContactCommitment.MAPPER, maya.id)).containsExactly(
                new ContactCommitment(maya.id, dropped, maya.owner(), null, ContactCommitment.Status.DROPPED,
                        T0.plus(Duration.ofDays(3))),
                new ContactCommitment(maya.id, kept, maya.owner(), due, ContactCommitment.Status.KEPT,
                        T0.plus(Duration.ofDays(2))),
                new ContactCommitment(maya.id, open, maya.owner(), due, ContactCommitment.Status.OPEN, null));
        assertThat(contactOf(maya).lastTouchAt()).as("the request").isEqualTo(T0);
    }

    @Test
    void appliedTwice_changesNothing() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, T0).hold(interview, 30, 45, T0.plus(Duration.ofDays(3)))
                .thank(interview, T0.plus(Duration.ofDays(4))).followUp(T0.plus(Duration.ofDays(9)))
                .rename("Maya Chen-Ortiz", "State Archives", T0.plus(Duration.ofDays(10)));
        UUID promise = UUID.randomUUID();
        maya.append(new CommitmentMade(maya.id, maya.owner(), promise, interview, "send the article",
                        T0.plus(Duration.ofDays(12)), T0.plus(Duration.ofDays(10))), T0.plus(Duration.ofDays(10)))
                .append(new CommitmentKept(maya.id, maya.owner(), promise, null, "sent", T0.plus(Duration.ofDays(11))),
                        T0.plus(Duration.ofDays(11)));
        awaitProjections();
        var before = dump("contact", "contact_interview", "contact_follow_up", "contact_commitment");
        assertThat(before.get("contact_commitment")).isNotEmpty();

        redeliver(projection, maya.id.toString());

        assertThat(dump("contact", "contact_interview", "contact_follow_up", "contact_commitment")).isEqualTo(before);
    }
}
