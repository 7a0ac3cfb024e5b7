package app.rapport.command.contact;

import app.rapport.commands.contact.CorrectEntry;
import app.rapport.commands.interview.SendThankYou;
import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.EntryCorrected;
import app.rapport.events.contact.EntryRetracted;
import app.rapport.events.contact.FollowUpLogged;
import app.rapport.events.interview.InterviewAccepted;
import app.rapport.events.interview.InterviewHeld;
import app.rapport.events.interview.InterviewRequested;
import app.rapport.events.interview.NudgeSent;
import app.rapport.events.interview.ThankYouSent;
import app.rapport.values.Channel;
import app.rapport.values.EntryChanges;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static app.rapport.command.contact.ContactFixtures.ACCEPTED_AT;
import static app.rapport.command.contact.ContactFixtures.ADDED_AT;
import static app.rapport.command.contact.ContactFixtures.CONTACT_ID;
import static app.rapport.command.contact.ContactFixtures.FOLLOWED_UP_AT;
import static app.rapport.command.contact.ContactFixtures.FOLLOW_UP_ID;
import static app.rapport.command.contact.ContactFixtures.INTERVIEW_ID;
import static app.rapport.command.contact.ContactFixtures.JUST_AHEAD;
import static app.rapport.command.contact.ContactFixtures.MEETING_AT;
import static app.rapport.command.contact.ContactFixtures.NOW;
import static app.rapport.command.contact.ContactFixtures.OWNER;
import static app.rapport.command.contact.ContactFixtures.REASON;
import static app.rapport.command.contact.ContactFixtures.REQUESTED_AT;
import static app.rapport.command.contact.ContactFixtures.THANKED_AT;
import static app.rapport.command.contact.ContactFixtures.TOO_LATE;
import static app.rapport.command.contact.ContactFixtures.UNKNOWN_ENTRY_ID;
import static app.rapport.command.contact.ContactFixtures.accepted;
import static app.rapport.command.contact.ContactFixtures.contactAdded;
import static app.rapport.command.contact.ContactFixtures.contactFixture;
import static app.rapport.command.contact.ContactFixtures.followUpLogged;
import static app.rapport.command.contact.ContactFixtures.held;
import static app.rapport.command.contact.ContactFixtures.idOf;
import static app.rapport.command.contact.ContactFixtures.requested;
import static app.rapport.command.contact.ContactFixtures.scheduled;
import static app.rapport.command.contact.ContactFixtures.thanked;
import static app.rapport.command.contact.ContactFixtures.violating;
import static app.rapport.command.contact.ContactFixtures.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;

/**
 * Correcting a journal entry: a new event naming the entry, refused for what the entry's type
 * does not have, and checked against the rules of the command that recorded the entry.
 */
class CorrectionTest {

    private static final Instant RIGHT_DAY = MEETING_AT.plus(Duration.ofHours(20));

    private final AggregateTestFixture<Contact> fixture = contactFixture();

    private static EntryChanges movedTo(Instant at) {
        return new EntryChanges(at, null, null, null, null, null);
    }

    private static EntryChanges heldAt(Instant heldAt, Integer actualMinutes) {
        return new EntryChanges(null, heldAt, actualMinutes, null, null, null);
    }

    private CorrectEntry correct(Class<?> entryType, EntryChanges changes) {
        return new CorrectEntry(CONTACT_ID, OWNER, idOf(fixture, entryType), changes, REASON, NOW);
    }

    @Test
    void correctEntry_recordsEntryCorrected_namingTheStepItsTypeAndItsInterview() {
        fixture.given(held());
        String hold = idOf(fixture, InterviewHeld.class);

        fixture.when(new CorrectEntry(CONTACT_ID, OWNER, hold, heldAt(RIGHT_DAY, 28), REASON, NOW))
                .expectEvents(new EntryCorrected(CONTACT_ID, OWNER, hold, "InterviewHeld", INTERVIEW_ID, null,
                        heldAt(RIGHT_DAY, 28), REASON, NOW));
    }

    @Test
    void correctEntry_recordsEntryCorrected_namingTheFollowUp() {
        fixture.given(contactAdded(), followUpLogged(FOLLOWED_UP_AT));
        String followUp = idOf(fixture, FollowUpLogged.class);
        EntryChanges changes = new EntryChanges(null, null, null, "took her course", null, Channel.PHONE);

        fixture.when(new CorrectEntry(CONTACT_ID, OWNER, followUp, changes, REASON, NOW))
                .expectEvents(new EntryCorrected(CONTACT_ID, OWNER, followUp, "FollowUpLogged", null, FOLLOW_UP_ID,
                        changes, REASON, NOW));
    }

    @Test
    void correctEntry_isRefusedAsNotFound_whenNoEntryOfTheContactHasTheId() {
        fixture.given(held())
                .when(new CorrectEntry(CONTACT_ID, OWNER, UNKNOWN_ENTRY_ID, movedTo(MEETING_AT), REASON, NOW))
                .expectException(instanceOf(EntryNotFound.class))
                .expectException(violating("entry-not-found"));
    }

    @Test
    void correctEntry_isRefusedAsNotCorrectable_whenTheEntryHasNoSuchField() {
        fixture.given(thanked())
                .when(correct(ThankYouSent.class, heldAt(null, 30)))
                .expectException(violating("not-correctable"))
                .expectExceptionMessage(containsString("actualMinutes asked, but ThankYouSent has only at, note, channel"))
                .expectNoEvents();
    }

    @Test
    void correctEntry_isRefusedAsNotCorrectable_whenTheEntryIsTheContactsAddition() {
        fixture.given(contactAdded())
                .when(correct(ContactAdded.class, movedTo(ADDED_AT.minusSeconds(60))))
                .expectException(violating("not-correctable"))
                .expectExceptionMessage(containsString("change the contact's details instead"));
    }

    @Test
    void correctEntry_isRefusedAsNotCorrectable_whenTheEntryIsACorrection() {
        fixture.given(held());
        fixture.andGiven(new EntryCorrected(CONTACT_ID, OWNER, idOf(fixture, InterviewHeld.class), "InterviewHeld",
                INTERVIEW_ID, null, heldAt(RIGHT_DAY, null), REASON, NOW));

        fixture.when(correct(EntryCorrected.class, movedTo(NOW)))
                .expectException(violating("not-correctable"))
                .expectExceptionMessage(containsString("correct the entry it corrected once more instead"));
    }

    @Test
    void correctEntry_isRefusedAsNotCorrectable_whenTheEntryWasRetracted() {
        fixture.given(contactAdded(), followUpLogged(FOLLOWED_UP_AT));
        fixture.andGiven(new EntryRetracted(CONTACT_ID, OWNER, idOf(fixture, FollowUpLogged.class), "FollowUpLogged",
                null, FOLLOW_UP_ID, REASON, NOW));

        fixture.when(correct(FollowUpLogged.class, movedTo(NOW)))
                .expectException(violating("not-correctable"))
                .expectExceptionMessage(containsString("was retracted"));
    }

    @Test
    void correctEntry_isRefusedAsNotCorrectable_whenAtAndHeldAtDisagree() {
        fixture.given(held())
                .when(correct(InterviewHeld.class, new EntryChanges(RIGHT_DAY, MEETING_AT, null, null, null, null)))
                .expectException(violating("not-correctable"));
    }

    @Test
    void correctEntry_isRefused_whenNoCorrectedValueIsGiven() {
        fixture.given(thanked())
                .when(correct(ThankYouSent.class, new EntryChanges(null, null, null, null, null, null)))
                .expectException(violating("required-value-missing"))
                .expectExceptionMessage(containsString("ThankYouSent has at, note, channel to correct"));
    }

    @Test
    void correctEntry_isRefused_whenTheReasonIsMissing() {
        fixture.given(held());

        fixture.when(new CorrectEntry(CONTACT_ID, OWNER, idOf(fixture, InterviewHeld.class), movedTo(RIGHT_DAY),
                        " ", NOW))
                .expectException(violating("required-value-missing"));
    }

    @Test
    void correctEntry_isAcceptedWithoutNewEvent_whenTheEntryAlreadyReadsSo() {
        fixture.given(held())
                .when(correct(InterviewHeld.class, heldAt(MEETING_AT, 30)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void correctEntry_isAcceptedWithoutNewEvent_whenTheSameCorrectionIsRepeated() {
        fixture.given(held());
        String hold = idOf(fixture, InterviewHeld.class);
        fixture.andGiven(new EntryCorrected(CONTACT_ID, OWNER, hold, "InterviewHeld", INTERVIEW_ID, null,
                heldAt(RIGHT_DAY, 28), REASON, NOW));

        fixture.when(new CorrectEntry(CONTACT_ID, OWNER, hold, heldAt(RIGHT_DAY, 28), REASON, NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void correctEntry_isRefused_whenTheCorrectedTimeIsMoreThanFiveMinutesAhead() {
        fixture.given(contactAdded(), followUpLogged(FOLLOWED_UP_AT))
                .when(correct(FollowUpLogged.class, movedTo(TOO_LATE)))
                .expectException(violating("at-in-future"));
    }

    @Test
    void correctEntry_acceptsACorrectedTimeUpToFiveMinutesAhead() {
        fixture.given(contactAdded(), followUpLogged(FOLLOWED_UP_AT))
                .when(correct(FollowUpLogged.class, movedTo(JUST_AHEAD)))
                .expectSuccessfulHandlerExecution();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, Interview.MAX_ACTUAL_MINUTES + 1})
    void correctEntry_isRefused_whenAHoldsActualMinutesWouldBeNonsense(int minutes) {
        fixture.given(held())
                .when(correct(InterviewHeld.class, heldAt(null, minutes)))
                .expectException(violating("actual-minutes-out-of-range"))
                .expectNoEvents();
    }

    @Test
    void correctEntry_isRefusedAsBeforePreviousStep_whenAHoldWouldMoveBeforeItsAcceptance() {
        fixture.given(held())
                .when(correct(InterviewHeld.class, heldAt(ACCEPTED_AT.minusSeconds(1), null)))
                .expectException(violating("before-previous-step"))
                .expectExceptionMessage(containsString("before the acceptance it follows"))
                .expectNoEvents();
    }

    @Test
    void correctEntry_isRefusedAsBeforePreviousStep_whenARequestWouldMoveAfterItsResponse() {
        fixture.given(accepted())
                .when(correct(InterviewRequested.class, movedTo(ACCEPTED_AT.plusSeconds(1))))
                .expectException(violating("before-previous-step"))
                .expectExceptionMessage(containsString("the acceptance (%s) would come before the request it follows"
                        .formatted(ACCEPTED_AT)));
    }

    @Test
    void correctEntry_isRefusedAsBeforePreviousStep_whenAnAcceptanceWouldMoveAfterTheSchedule() {
        fixture.given(scheduled())
                .when(correct(InterviewAccepted.class, movedTo(MEETING_AT.minusSeconds(60))))
                .expectException(violating("before-previous-step"))
                .expectExceptionMessage(containsString("the schedule"));
    }

    @Test
    void correctEntry_isRefusedAsBeforePreviousStep_whenAHoldWouldMoveAfterItsThankYou() {
        fixture.given(thanked())
                .when(correct(InterviewHeld.class, heldAt(THANKED_AT.plusSeconds(1), null)))
                .expectException(violating("before-previous-step"))
                .expectExceptionMessage(containsString("the thank-you"));
    }

    @Test
    void correctEntry_isRefusedAsBeforePreviousStep_whenAThankYouWouldMoveBeforeTheHold() {
        fixture.given(thanked())
                .when(correct(ThankYouSent.class, movedTo(MEETING_AT.minusSeconds(1))))
                .expectException(violating("before-previous-step"));
    }

    @Test
    void correctEntry_isRefusedAsBeforePreviousStep_whenANudgeWouldMoveBeforeTheRequest() {
        fixture.given(with(requested(), new NudgeSent(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, null, NOW)))
                .when(correct(NudgeSent.class, movedTo(REQUESTED_AT.minusSeconds(1))))
                .expectException(violating("before-previous-step"));
    }

    @Test
    void correctEntry_isRefusedAsBeforePreviousStep_whenARequestWouldMoveBeforeTheContactWasAdded() {
        fixture.given(requested())
                .when(correct(InterviewRequested.class, movedTo(ADDED_AT.minusSeconds(1))))
                .expectException(violating("before-previous-step"))
                .expectExceptionMessage(containsString("before the contact was added"));
    }

    @Test
    void correctEntry_isRefusedAsBeforePreviousStep_whenAFollowUpWouldMoveBeforeTheContactWasAdded() {
        fixture.given(contactAdded(), followUpLogged(FOLLOWED_UP_AT))
                .when(correct(FollowUpLogged.class, movedTo(ADDED_AT.minusSeconds(1))))
                .expectException(violating("before-previous-step"));
    }

    @Test
    void correctEntry_allowsMovingAStepWithinItsNeighbours() {
        fixture.given(thanked());
        String hold = idOf(fixture, InterviewHeld.class);

        fixture.when(new CorrectEntry(CONTACT_ID, OWNER, hold, movedTo(THANKED_AT), REASON, NOW))
                .expectEvents(new EntryCorrected(CONTACT_ID, OWNER, hold, "InterviewHeld", INTERVIEW_ID, null,
                        movedTo(THANKED_AT), REASON, NOW));
    }

    @Test
    void correctedEntry_isWhatLaterCommandsAreJudgedAgainst() {
        fixture.given(held());
        fixture.andGiven(new EntryCorrected(CONTACT_ID, OWNER, idOf(fixture, InterviewHeld.class), "InterviewHeld",
                INTERVIEW_ID, null, heldAt(RIGHT_DAY, null), REASON, NOW));

        fixture.when(new SendThankYou(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, null, RIGHT_DAY.minusSeconds(60)))
                .expectException(violating("before-previous-step"))
                .expectExceptionMessage(containsString("before the hold it follows (" + RIGHT_DAY + ")"));
    }
}
