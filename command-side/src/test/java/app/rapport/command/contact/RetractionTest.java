package app.rapport.command.contact;

import app.rapport.commands.contact.RetractEntry;
import app.rapport.commands.interview.HoldInterview;
import app.rapport.commands.interview.RecordResponse;
import app.rapport.commands.interview.SendNudge;
import app.rapport.commands.interview.SendThankYou;
import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.EntryRetracted;
import app.rapport.events.contact.FollowUpLogged;
import app.rapport.events.contact.JobInquiryMade;
import app.rapport.events.interview.InterviewAccepted;
import app.rapport.events.interview.InterviewCancelled;
import app.rapport.events.interview.InterviewHeld;
import app.rapport.events.interview.InterviewRequestUnanswered;
import app.rapport.events.interview.InterviewRequested;
import app.rapport.events.interview.NudgeSent;
import app.rapport.events.interview.ThankYouSent;
import app.rapport.values.Channel;
import app.rapport.values.ResponseOutcome;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static app.rapport.command.contact.ContactFixtures.ACCEPTED_AT;
import static app.rapport.command.contact.ContactFixtures.AGREED_MINUTES;
import static app.rapport.command.contact.ContactFixtures.ALL_COURTESIES;
import static app.rapport.command.contact.ContactFixtures.CONTACT_ID;
import static app.rapport.command.contact.ContactFixtures.FOLLOWED_UP_AT;
import static app.rapport.command.contact.ContactFixtures.FOLLOW_UP_ID;
import static app.rapport.command.contact.ContactFixtures.INQUIRY_ID;
import static app.rapport.command.contact.ContactFixtures.INTERVIEW_ID;
import static app.rapport.command.contact.ContactFixtures.MEETING_AT;
import static app.rapport.command.contact.ContactFixtures.NOW;
import static app.rapport.command.contact.ContactFixtures.OWNER;
import static app.rapport.command.contact.ContactFixtures.REASON;
import static app.rapport.command.contact.ContactFixtures.UNKNOWN_ENTRY_ID;
import static app.rapport.command.contact.ContactFixtures.accepted;
import static app.rapport.command.contact.ContactFixtures.contactAdded;
import static app.rapport.command.contact.ContactFixtures.contactFixture;
import static app.rapport.command.contact.ContactFixtures.followUpLogged;
import static app.rapport.command.contact.ContactFixtures.held;
import static app.rapport.command.contact.ContactFixtures.holdInterview;
import static app.rapport.command.contact.ContactFixtures.idOf;
import static app.rapport.command.contact.ContactFixtures.prepared;
import static app.rapport.command.contact.ContactFixtures.requested;
import static app.rapport.command.contact.ContactFixtures.scheduled;
import static app.rapport.command.contact.ContactFixtures.thanked;
import static app.rapport.command.contact.ContactFixtures.violating;
import static app.rapport.command.contact.ContactFixtures.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;

/**
 * Retracting a journal entry: a follow-up, a job inquiry, a nudge, or an interview's latest step,
 * which returns the interview to the state before it.
 */
class RetractionTest {

    private final AggregateTestFixture<Contact> fixture = contactFixture();

    private RetractEntry retract(Class<?> entryType) {
        return new RetractEntry(CONTACT_ID, OWNER, idOf(fixture, entryType), REASON, NOW);
    }

    /** Gives the history, then the retraction of its latest entry of that type. */
    private void givenRetracted(List<Object> history, Class<?> entryType, boolean ofTheInterview) {
        fixture.given(history);
        fixture.andGiven(new EntryRetracted(CONTACT_ID, OWNER, idOf(fixture, entryType), entryType.getSimpleName(),
                ofTheInterview ? INTERVIEW_ID : null, null, REASON, NOW));
    }

    @Test
    void retractEntry_recordsEntryRetracted_namingTheFollowUp() {
        fixture.given(contactAdded(), followUpLogged(FOLLOWED_UP_AT));
        String followUp = idOf(fixture, FollowUpLogged.class);

        fixture.when(new RetractEntry(CONTACT_ID, OWNER, followUp, REASON, NOW))
                .expectEvents(new EntryRetracted(CONTACT_ID, OWNER, followUp, "FollowUpLogged", null, FOLLOW_UP_ID,
                        REASON, NOW));
    }

    @Test
    void retractEntry_recordsEntryRetracted_forAJobInquiry() {
        fixture.given(contactAdded(), new JobInquiryMade(CONTACT_ID, OWNER, INQUIRY_ID, null, true, FOLLOWED_UP_AT));
        String inquiry = idOf(fixture, JobInquiryMade.class);

        fixture.when(new RetractEntry(CONTACT_ID, OWNER, inquiry, REASON, NOW))
                .expectEvents(new EntryRetracted(CONTACT_ID, OWNER, inquiry, "JobInquiryMade", null, null, REASON, NOW));
    }

    @Test
    void retractEntry_recordsEntryRetracted_namingTheInterviewOfANudge() {
        fixture.given(with(requested(), new NudgeSent(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, null, NOW)));
        String nudge = idOf(fixture, NudgeSent.class);

        fixture.when(new RetractEntry(CONTACT_ID, OWNER, nudge, REASON, NOW))
                .expectEvents(new EntryRetracted(CONTACT_ID, OWNER, nudge, "NudgeSent", INTERVIEW_ID, null, REASON, NOW));
    }

    @Test
    void retractEntry_allowsANudge_evenWhenTheRequestWasAnsweredSince() {
        fixture.given(with(requested(), new NudgeSent(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, null, ACCEPTED_AT),
                new InterviewAccepted(CONTACT_ID, OWNER, INTERVIEW_ID, null, ACCEPTED_AT)))
                .when(retract(NudgeSent.class))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EntryRetracted(CONTACT_ID, OWNER, idOf(fixture, NudgeSent.class), "NudgeSent",
                        INTERVIEW_ID, null, REASON, NOW));
    }

    @Test
    void retractEntry_recordsEntryRetracted_forTheLatestStep() {
        fixture.given(held());
        String hold = idOf(fixture, InterviewHeld.class);

        fixture.when(new RetractEntry(CONTACT_ID, OWNER, hold, REASON, NOW))
                .expectEvents(new EntryRetracted(CONTACT_ID, OWNER, hold, "InterviewHeld", INTERVIEW_ID, null,
                        REASON, NOW));
    }

    @Test
    void retractedHold_returnsTheInterviewToPrepared_soTheHoldCanBeRecordedAgain() {
        givenRetracted(held(), InterviewHeld.class, true);

        fixture.when(holdInterview(20))
                .expectEvents(new InterviewHeld(CONTACT_ID, OWNER, INTERVIEW_ID, AGREED_MINUTES, 20, "notes",
                        ALL_COURTESIES, MEETING_AT));
    }

    @Test
    void retractedHold_returnsTheInterviewToScheduled_whenItWasNotPrepared() {
        givenRetracted(with(scheduled(), new InterviewHeld(CONTACT_ID, OWNER, INTERVIEW_ID, AGREED_MINUTES, 30, null,
                ALL_COURTESIES, MEETING_AT)), InterviewHeld.class, true);

        fixture.when(new SendThankYou(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, null, NOW))
                .expectException(violating("interview-not-held"))
                .expectExceptionMessage(containsString("it is SCHEDULED"));
    }

    @Test
    void retractedThankYou_returnsTheInterviewToHeld_soAThankYouCanBeSentAgain() {
        givenRetracted(thanked(), ThankYouSent.class, true);

        fixture.when(new SendThankYou(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, "thanks again", NOW))
                .expectEvents(new ThankYouSent(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, "thanks again", NOW));
    }

    @Test
    void retractedAcceptance_returnsTheInterviewToRequested_soItCanBeAnsweredAgain() {
        givenRetracted(accepted(), InterviewAccepted.class, true);

        fixture.when(new RecordResponse(CONTACT_ID, OWNER, INTERVIEW_ID, ResponseOutcome.DECLINED, null, NOW))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void retractedAcceptance_returnsTheInterviewToRequested_soItCanBeNudged() {
        givenRetracted(accepted(), InterviewAccepted.class, true);

        fixture.when(new SendNudge(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, null, NOW))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void retractedLateAcceptance_returnsTheInterviewToNoResponse() {
        givenRetracted(with(requested(),
                new InterviewRequestUnanswered(CONTACT_ID, OWNER, INTERVIEW_ID, null, ACCEPTED_AT),
                new InterviewAccepted(CONTACT_ID, OWNER, INTERVIEW_ID, "sorry for the delay", NOW)),
                InterviewAccepted.class, true);

        fixture.when(new RecordResponse(CONTACT_ID, OWNER, INTERVIEW_ID, ResponseOutcome.NO_RESPONSE, null, NOW))
                .expectException(violating("response-already-recorded"))
                .expectExceptionMessage(containsString("it is NO_RESPONSE"));
    }

    @Test
    void retractedCancellation_returnsTheInterviewToTheStateBeforeIt() {
        givenRetracted(with(scheduled(), new InterviewCancelled(CONTACT_ID, OWNER, INTERVIEW_ID, null, NOW)),
                InterviewCancelled.class, true);

        fixture.when(new HoldInterview(CONTACT_ID, OWNER, INTERVIEW_ID, MEETING_AT, 25, null, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void retractEntry_isRefusedAsNotRetractable_whenTheStepIsTheRequestItself() {
        fixture.given(requested())
                .when(retract(InterviewRequested.class))
                .expectException(violating("not-retractable"))
                .expectExceptionMessage(containsString("cancel the interview instead"))
                .expectNoEvents();
    }

    @Test
    void retractEntry_isRefusedAsNotRetractable_whenTheStepIsNotTheInterviewsLatest() {
        fixture.given(prepared())
                .when(retract(InterviewAccepted.class))
                .expectException(violating("not-retractable"))
                .expectExceptionMessage(containsString("which is not its latest step (the preparation)"))
                .expectExceptionMessage(containsString("the latest step of an interview can be retracted"));
    }

    @Test
    void retractEntry_isRefusedAsNotRetractable_whenTheEntryIsTheContactsAddition() {
        fixture.given(contactAdded())
                .when(retract(ContactAdded.class))
                .expectException(violating("not-retractable"))
                .expectExceptionMessage(containsString("it records ContactAdded"));
    }

    @Test
    void retractEntry_isRefusedAsNotRetractable_whenTheEntryIsARetraction() {
        givenRetracted(List.of(contactAdded(), followUpLogged(FOLLOWED_UP_AT)), FollowUpLogged.class, false);

        fixture.when(retract(EntryRetracted.class))
                .expectException(violating("not-retractable"));
    }

    @Test
    void retractEntry_isAcceptedWithoutNewEvent_whenTheFollowUpWasAlreadyRetracted() {
        givenRetracted(List.of(contactAdded(), followUpLogged(FOLLOWED_UP_AT)), FollowUpLogged.class, false);

        fixture.when(retract(FollowUpLogged.class))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void retractEntry_isAcceptedWithoutNewEvent_whenTheStepWasAlreadyRetracted() {
        givenRetracted(held(), InterviewHeld.class, true);

        fixture.when(retract(InterviewHeld.class))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void retractEntry_isRefusedAsNotFound_whenNoEntryOfTheContactHasTheId() {
        fixture.given(held())
                .when(new RetractEntry(CONTACT_ID, OWNER, UNKNOWN_ENTRY_ID, REASON, NOW))
                .expectException(instanceOf(EntryNotFound.class))
                .expectException(violating("entry-not-found"));
    }

    @Test
    void retractEntry_isRefused_whenTheReasonIsMissing() {
        fixture.given(held());

        fixture.when(new RetractEntry(CONTACT_ID, OWNER, idOf(fixture, InterviewHeld.class), null, NOW))
                .expectException(violating("required-value-missing"));
    }

    @Test
    void retractedStep_leavesTheStepBeforeItTheLatest_soThatOneCanBeRetractedNext() {
        givenRetracted(thanked(), ThankYouSent.class, true);

        fixture.when(retract(InterviewHeld.class))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EntryRetracted(CONTACT_ID, OWNER, idOf(fixture, InterviewHeld.class), "InterviewHeld",
                        INTERVIEW_ID, null, REASON, NOW));
    }
}
