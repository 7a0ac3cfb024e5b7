package app.rapport.query.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import app.rapport.events.contact.FollowUpLogged;
import app.rapport.events.contact.JobInquiryMade;
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

/** The contact list and detail read a corrected entry with its corrected values and a retracted one not at all. */
class ContactsCorrectionsTest extends QueryIntegrationTest {

    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final Instant ACCEPTED = T0.plus(Duration.ofHours(1));
    static final Instant HELD = T0.plus(Duration.ofDays(5));

    @Autowired
    ContactsProjection projection;
    @Autowired
    Contacts contacts;

    Contact contactOf(Journal.ContactStream stream) {
        awaitProjections();
        return contacts.findContact(stream.owner(), stream.id).orElseThrow();
    }

    ContactInterview interviewOf(Journal.ContactStream stream) {
        awaitProjections();
        return contacts.findInterviews(stream.owner(), stream.id).get(0);
    }

    static EntryChanges at(Instant at) {
        return new EntryChanges(at, null, null, null, null, null);
    }

    @Test
    void retractedHold_makesTheInterviewScheduledAgain_andTheLastTouchTheOneBefore() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, ACCEPTED).schedule(interview, HELD, ACCEPTED).hold(interview, 30, 45, HELD);
        assertThat(contactOf(maya).stage()).isEqualTo(Stage.INTERVIEWED);

        maya.retract(maya.lastEventId(), InterviewHeld.class, interview, null, "cancelled at the last minute",
                HELD.plus(Duration.ofDays(1)));

        ContactInterview row = interviewOf(maya);
        assertThat(row.status()).isEqualTo(InterviewStatus.SCHEDULED);
        assertThat(row.heldAt()).isNull();
        assertThat(row.actualMinutes()).isNull();
        Contact contact = contactOf(maya);
        assertThat(contact.stage()).isEqualTo(Stage.SCHEDULED);
        assertThat(contact.lastTouchAt()).as("the acceptance").isEqualTo(ACCEPTED);
    }

    @Test
    void retractedHold_heldAgain_isHeldAtTheNewTime() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, ACCEPTED).schedule(interview, HELD, ACCEPTED).prepare(interview, ACCEPTED)
                .hold(interview, 30, 45, HELD);
        maya.retract(maya.lastEventId(), InterviewHeld.class, interview, null, "not yet", HELD.plusSeconds(60));
        assertThat(interviewOf(maya).status()).as("prepared before the hold").isEqualTo(InterviewStatus.PREPARED);

        Instant heldAgain = HELD.plus(Duration.ofDays(2));
        maya.hold(interview, 30, 25, heldAgain);

        ContactInterview row = interviewOf(maya);
        assertThat(row.status()).isEqualTo(InterviewStatus.HELD);
        assertThat(row.heldAt()).isEqualTo(heldAgain);
        assertThat(row.actualMinutes()).isEqualTo(25);
    }

    @Test
    void correctedHeldAt_movesTheInterview_andTheLastTouchEvenBackwards() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, ACCEPTED).hold(interview, 30, 45, HELD);
        String hold = maya.lastEventId();
        Instant rightDay = HELD.minus(Duration.ofDays(1));

        maya.correct(hold, InterviewHeld.class, interview, null,
                new EntryChanges(null, rightDay, 30, null, null, null), "wrong afternoon", HELD.plus(Duration.ofDays(1)));

        ContactInterview row = interviewOf(maya);
        assertThat(row.heldAt()).isEqualTo(rightDay);
        assertThat(row.actualMinutes()).isEqualTo(30);
        assertThat(contactOf(maya).lastTouchAt()).as("a touch corrected earlier is the last touch").isEqualTo(rightDay);
    }

    @Test
    void correctedThankYou_movesTheLastTouchAndTheNextFollowUpDue() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, ACCEPTED).hold(interview, 30, 30, HELD).thank(interview, HELD.plus(Duration.ofDays(3)));
        Instant thanked = HELD.plus(Duration.ofHours(2));

        maya.correct(maya.lastEventId(), ThankYouSent.class, interview, null, at(thanked), "sent it that evening",
                HELD.plus(Duration.ofDays(4)));

        Contact contact = contactOf(maya);
        assertThat(contact.lastTouchAt()).isEqualTo(thanked);
        assertThat(contact.nextFollowUpDue()).isEqualTo(thanked.plus(Duration.ofDays(60)));
        assertThat(interviewOf(maya).thankedAt()).isEqualTo(thanked);
    }

    @Test
    void retractedThankYou_makesTheContactInterviewedAgain_owedNoFollowUp() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, ACCEPTED).hold(interview, 30, 30, HELD).thank(interview, HELD.plus(Duration.ofHours(3)));
        assertThat(contactOf(maya).stage()).isEqualTo(Stage.CONNECTED);

        maya.retract(maya.lastEventId(), ThankYouSent.class, interview, null, "never sent", HELD.plus(Duration.ofDays(1)));

        Contact contact = contactOf(maya);
        assertThat(contact.stage()).isEqualTo(Stage.INTERVIEWED);
        assertThat(contact.nextFollowUpDue()).isNull();
        assertThat(contact.lastTouchAt()).isEqualTo(HELD);
        assertThat(interviewOf(maya).status()).isEqualTo(InterviewStatus.HELD);
    }

    @Test
    void retractedFollowUp_leavesTheDetail_andNoLongerTouchesOrEstablishes() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        Instant thanked = HELD.plus(Duration.ofHours(3));
        maya.accept(interview, ACCEPTED).hold(interview, 30, 30, HELD).thank(interview, thanked)
                .followUp(HELD.plus(Duration.ofDays(20)));
        assertThat(contactOf(maya).stage()).isEqualTo(Stage.ESTABLISHED);

        maya.retract(maya.lastEventId(), FollowUpLogged.class, null, maya.lastFollowUpId(), "wrong contact",
                HELD.plus(Duration.ofDays(21)));

        Contact contact = contactOf(maya);
        assertThat(contact.stage()).isEqualTo(Stage.CONNECTED);
        assertThat(contact.lastTouchAt()).isEqualTo(thanked);
        assertThat(contact.nextFollowUpDue()).isEqualTo(thanked.plus(Duration.ofDays(60)));
        assertThat(contacts.findFollowUps(maya.owner(), maya.id)).isEmpty();
    }

    @Test
    void correctedFollowUp_showsItsCorrectedNoteChannelAndTime() {
        var maya = journal().contact("Maya Chen", T0);
        maya.followUp(T0.plus(Duration.ofDays(2)));
        Instant rightTime = T0.plus(Duration.ofDays(1));

        maya.correct(maya.lastEventId(), FollowUpLogged.class, null, maya.lastFollowUpId(),
                new EntryChanges(rightTime, null, null, "Congrats on the new role", null, Channel.SOCIAL_MESSAGE),
                "mixed up two notes", T0.plus(Duration.ofDays(3)));
        awaitProjections();

        assertThat(contacts.findFollowUps(maya.owner(), maya.id)).singleElement().satisfies(followUp -> {
            assertThat(followUp.note()).isEqualTo("Congrats on the new role");
            assertThat(followUp.channel()).isEqualTo(Channel.SOCIAL_MESSAGE);
            assertThat(followUp.at()).isEqualTo(rightTime);
        });
        assertThat(contactOf(maya).lastTouchAt()).isEqualTo(rightTime);
    }

    @Test
    void correctedRequest_showsItsCorrectedChannelMessageAndTime() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0.plus(Duration.ofDays(1)));

        maya.correct(maya.lastEventId(), InterviewRequested.class, interview, null,
                new EntryChanges(T0, null, null, "Dear Maya", null, Channel.SOCIAL_MESSAGE), "sent it by message",
                T0.plus(Duration.ofDays(2)));

        ContactInterview row = interviewOf(maya);
        assertThat(row.channel()).isEqualTo(Channel.SOCIAL_MESSAGE);
        assertThat(row.message()).isEqualTo("Dear Maya");
        assertThat(row.requestedAt()).isEqualTo(T0);
        assertThat(contactOf(maya).lastTouchAt()).isEqualTo(T0);
    }

    @Test
    void retractedJobInquiry_noLongerTouches() {
        var maya = journal().contact("Maya Chen", T0);
        maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.jobInquiry(true, T0.plus(Duration.ofDays(1)));

        maya.retract(maya.lastEventId(), JobInquiryMade.class, null, null, "asked someone else",
                T0.plus(Duration.ofDays(2)));

        assertThat(contactOf(maya).lastTouchAt()).isEqualTo(T0);
    }

    @Test
    void retractedNudge_leavesTheInterview_andNoLongerTouches() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.nudge(interview, T0.plus(Duration.ofDays(8)));

        maya.retract(maya.lastEventId(), NudgeSent.class, interview, null, "meant for someone else",
                T0.plus(Duration.ofDays(9)));

        assertThat(interviewOf(maya).nudgedAt()).isNull();
        assertThat(contactOf(maya).lastTouchAt()).isEqualTo(T0);
    }

    @Test
    void amendingTheReferrer_leavesTheReferredContactsRows() {
        var maya = journal().contact("Maya Chen", T0);
        var sam = maya.referral("Sam Okafor", T0.plus(Duration.ofDays(1)));
        sam.request(Channel.PHONE, 20, "records", T0.plus(Duration.ofDays(2)));
        maya.followUp(T0.plus(Duration.ofDays(3)));
        Contact samBefore = contactOf(sam);

        maya.retract(maya.lastEventId(), FollowUpLogged.class, null, maya.lastFollowUpId(), "wrong contact",
                T0.plus(Duration.ofDays(4)));

        assertThat(contactOf(sam)).isEqualTo(samBefore);
        assertThat(samBefore.referredBy()).isEqualTo(maya.id);
        assertThat(contacts.findInterviews(sam.owner(), sam.id)).hasSize(1);
        assertThat(contactOf(maya).lastTouchAt()).isNull();
    }

    @Test
    void amendingTheReferred_keepsItsReferrer() {
        var maya = journal().contact("Maya Chen", T0);
        var sam = maya.referral("Sam Okafor", T0.plus(Duration.ofDays(1)));
        sam.followUp(T0.plus(Duration.ofDays(2)));

        sam.retract(sam.lastEventId(), FollowUpLogged.class, null, sam.lastFollowUpId(), "wrong contact",
                T0.plus(Duration.ofDays(3)));

        Contact row = contactOf(sam);
        assertThat(row.referredBy()).isEqualTo(maya.id);
        assertThat(row.lastTouchAt()).isNull();
    }

    @Test
    void appliedTwice_afterCorrectionsAndRetractions_changesNothing() {
        var maya = journal().contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(interview, ACCEPTED).hold(interview, 30, 45, HELD);
        maya.correct(maya.lastEventId(), InterviewHeld.class, interview, null,
                new EntryChanges(null, null, 30, null, null, null), "misread the clock", HELD.plusSeconds(60));
        maya.thank(interview, HELD.plus(Duration.ofHours(2))).followUp(HELD.plus(Duration.ofDays(9)));
        maya.retract(maya.lastEventId(), FollowUpLogged.class, null, maya.lastFollowUpId(), "wrong contact",
                HELD.plus(Duration.ofDays(10)));
        maya.followUp(HELD.plus(Duration.ofDays(11)));
        awaitProjections();
        var before = dump("contact", "contact_interview", "contact_follow_up");

        redeliver(projection, maya.id.toString());

        assertThat(dump("contact", "contact_interview", "contact_follow_up")).isEqualTo(before);
    }
}
