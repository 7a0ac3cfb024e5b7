package app.rapport.command.contact;

import app.rapport.commands.commitment.DropCommitment;
import app.rapport.commands.commitment.KeepCommitment;
import app.rapport.commands.commitment.MakeCommitment;
import app.rapport.commands.contact.CorrectEntry;
import app.rapport.commands.contact.LogFollowUp;
import app.rapport.commands.contact.RetractEntry;
import app.rapport.events.commitment.CommitmentDropped;
import app.rapport.events.commitment.CommitmentKept;
import app.rapport.events.commitment.CommitmentMade;
import app.rapport.events.contact.EntryCorrected;
import app.rapport.events.contact.FollowUpLogged;
import app.rapport.values.Channel;
import app.rapport.values.EntryChanges;
import app.rapport.values.FollowUpKind;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static app.rapport.command.contact.ContactFixtures.ADDED_AT;
import static app.rapport.command.contact.ContactFixtures.CONTACT_ID;
import static app.rapport.command.contact.ContactFixtures.FOLLOW_UP_ID;
import static app.rapport.command.contact.ContactFixtures.INTERVIEW_ID;
import static app.rapport.command.contact.ContactFixtures.MEETING_AT;
import static app.rapport.command.contact.ContactFixtures.NOW;
import static app.rapport.command.contact.ContactFixtures.OTHER_INTERVIEW_ID;
import static app.rapport.command.contact.ContactFixtures.OWNER;
import static app.rapport.command.contact.ContactFixtures.REASON;
import static app.rapport.command.contact.ContactFixtures.STRANGER;
import static app.rapport.command.contact.ContactFixtures.TOO_LATE;
import static app.rapport.command.contact.ContactFixtures.contactAdded;
import static app.rapport.command.contact.ContactFixtures.contactArchived;
import static app.rapport.command.contact.ContactFixtures.contactFixture;
import static app.rapport.command.contact.ContactFixtures.held;
import static app.rapport.command.contact.ContactFixtures.idOf;
import static app.rapport.command.contact.ContactFixtures.violating;
import static app.rapport.command.contact.ContactFixtures.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;

/**
 * The promises a networker makes to a contact: made (safe to retry under their id), then kept or
 * dropped once, on their own or kept by a follow-up; not amended yet, since a kept promise cannot
 * be reopened.
 */
class CommitmentTest {

    static final UUID COMMITMENT_ID = UUID.fromString("b0000000-0000-4000-8000-000000000001");
    static final UUID OTHER_COMMITMENT_ID = UUID.fromString("b0000000-0000-4000-8000-000000000002");
    static final String PROMISE = "send her the article on data lineage";
    static final String NOTE = "sent it with a short summary";
    static final String WHY = "she found it herself";
    // made in the interview, due a week later, which is past by now
    static final Instant MADE_AT = MEETING_AT;
    static final Instant DUE_BY = MEETING_AT.plus(Duration.ofDays(7));
    static final Instant KEPT_AT = NOW.minus(Duration.ofHours(2));

    private final AggregateTestFixture<Contact> fixture = contactFixture();

    static MakeCommitment makeCommitment() {
        return new MakeCommitment(CONTACT_ID, OWNER, COMMITMENT_ID, INTERVIEW_ID, PROMISE, DUE_BY, MADE_AT);
    }

    static CommitmentMade commitmentMade() {
        return new CommitmentMade(CONTACT_ID, OWNER, COMMITMENT_ID, INTERVIEW_ID, PROMISE, DUE_BY, MADE_AT);
    }

    static CommitmentMade otherCommitmentMade() {
        return new CommitmentMade(CONTACT_ID, OWNER, OTHER_COMMITMENT_ID, null, "tell him how the application went",
                null, MADE_AT);
    }

    static CommitmentKept commitmentKept(String note) {
        return new CommitmentKept(CONTACT_ID, OWNER, COMMITMENT_ID, null, note, KEPT_AT);
    }

    static CommitmentDropped commitmentDropped(String reason) {
        return new CommitmentDropped(CONTACT_ID, OWNER, COMMITMENT_ID, reason, KEPT_AT);
    }

    static LogFollowUp followUpKeeping(Instant at, UUID... keeps) {
        return new LogFollowUp(CONTACT_ID, OWNER, FOLLOW_UP_ID, FollowUpKind.ADVICE_TAKEN, Channel.EMAIL,
                "here is the article", at, List.of(keeps));
    }

    static FollowUpLogged followUpLoggedKeeping(Instant at, UUID... keeps) {
        return new FollowUpLogged(CONTACT_ID, OWNER, FOLLOW_UP_ID, FollowUpKind.ADVICE_TAKEN, Channel.EMAIL,
                "here is the article", at, List.of(keeps));
    }

    /** The history of a held interview in which the promise was made. */
    static List<Object> promised() {
        return with(held(), commitmentMade());
    }

    // --- making a commitment

    @Test
    void makeCommitment_recordsThePromise_itsInterviewAndWhenItIsDue() {
        fixture.given(held())
                .when(makeCommitment())
                .expectEvents(commitmentMade());
    }

    @Test
    void makeCommitment_recordsAPromiseWithoutInterviewOrDueDate() {
        fixture.given(contactAdded())
                .when(new MakeCommitment(CONTACT_ID, OWNER, COMMITMENT_ID, null, PROMISE, null, NOW))
                .expectEvents(new CommitmentMade(CONTACT_ID, OWNER, COMMITMENT_ID, null, PROMISE, null, NOW));
    }

    @Test
    void makeCommitment_isAcceptedWithoutNewEvent_whenRetriedIdentically() {
        fixture.given(promised())
                .when(new MakeCommitment(CONTACT_ID, OWNER, COMMITMENT_ID, INTERVIEW_ID, PROMISE, DUE_BY, NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void makeCommitment_isRefusedAsIdReused_whenTheIdIsRetriedWithAnotherPromise() {
        fixture.given(promised())
                .when(new MakeCommitment(CONTACT_ID, OWNER, COMMITMENT_ID, INTERVIEW_ID, "another promise", DUE_BY,
                        MADE_AT))
                .expectException(violating("id-reused"));
    }

    @Test
    void makeCommitment_isRefused_whenThePromiseIsMissing() {
        fixture.given(held())
                .when(new MakeCommitment(CONTACT_ID, OWNER, COMMITMENT_ID, INTERVIEW_ID, " ", DUE_BY, MADE_AT))
                .expectException(violating("required-value-missing"));
    }

    @Test
    void makeCommitment_isRefusedAsNotFound_whenItsInterviewIsNotTheContacts() {
        fixture.given(held())
                .when(new MakeCommitment(CONTACT_ID, OWNER, COMMITMENT_ID, OTHER_INTERVIEW_ID, PROMISE, DUE_BY,
                        MADE_AT))
                .expectException(instanceOf(InterviewNotFound.class))
                .expectException(violating("interview-not-found"));
    }

    @Test
    void makeCommitment_isRefused_whenDueBeforeItIsMade() {
        fixture.given(held())
                .when(new MakeCommitment(CONTACT_ID, OWNER, COMMITMENT_ID, INTERVIEW_ID, PROMISE,
                        MADE_AT.minusSeconds(1), MADE_AT))
                .expectException(violating("due-before-made"));
    }

    @Test
    void makeCommitment_isRefused_whenDatedBeforeTheContactWasAdded() {
        fixture.given(contactAdded())
                .when(new MakeCommitment(CONTACT_ID, OWNER, COMMITMENT_ID, null, PROMISE, null,
                        ADDED_AT.minusSeconds(1)))
                .expectException(violating("before-previous-step"))
                .expectExceptionMessage(containsString("before the contact was added"));
    }

    @Test
    void makeCommitment_isRefused_whenItsTimeIsInTheFuture() {
        fixture.given(held())
                .when(new MakeCommitment(CONTACT_ID, OWNER, COMMITMENT_ID, INTERVIEW_ID, PROMISE, null, TOO_LATE))
                .expectException(violating("at-in-future"));
    }

    @Test
    void makeCommitment_isRefused_whenTheContactIsArchived() {
        fixture.given(with(held(), contactArchived()))
                .when(makeCommitment())
                .expectException(violating("contact-archived"));
    }

    @Test
    void makeCommitment_isRefusedAsNotFound_onSomeoneElsesContact() {
        fixture.given(held())
                .when(new MakeCommitment(CONTACT_ID, STRANGER, COMMITMENT_ID, INTERVIEW_ID, PROMISE, DUE_BY, MADE_AT))
                .expectException(violating("contact-not-found"));
    }

    // --- keeping it

    @Test
    void keepCommitment_recordsItKept_withTheNote() {
        fixture.given(promised())
                .when(new KeepCommitment(CONTACT_ID, OWNER, COMMITMENT_ID, NOTE, KEPT_AT))
                .expectEvents(commitmentKept(NOTE));
    }

    @Test
    void keepCommitment_isAcceptedWithoutNewEvent_whenRepeatedWithTheSameNote() {
        fixture.given(with(promised(), commitmentKept(NOTE)))
                .when(new KeepCommitment(CONTACT_ID, OWNER, COMMITMENT_ID, NOTE, NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void keepCommitment_isRefusedAsNotOpen_whenKeptBeforeWithAnotherNote() {
        fixture.given(with(promised(), commitmentKept(NOTE)))
                .when(new KeepCommitment(CONTACT_ID, OWNER, COMMITMENT_ID, "another note", NOW))
                .expectException(violating("commitment-not-open"))
                .expectExceptionMessage(containsString("it is KEPT"));
    }

    @Test
    void keepCommitment_isRefusedAsNotOpen_whenDropped() {
        fixture.given(with(promised(), commitmentDropped(WHY)))
                .when(new KeepCommitment(CONTACT_ID, OWNER, COMMITMENT_ID, NOTE, NOW))
                .expectException(violating("commitment-not-open"))
                .expectExceptionMessage(containsString("it is DROPPED"));
    }

    @Test
    void keepCommitment_isRefusedAsNotOpen_whenAFollowUpKeptIt() {
        fixture.given(with(promised(), followUpLoggedKeeping(KEPT_AT, COMMITMENT_ID),
                        new CommitmentKept(CONTACT_ID, OWNER, COMMITMENT_ID, FOLLOW_UP_ID, null, KEPT_AT)))
                .when(new KeepCommitment(CONTACT_ID, OWNER, COMMITMENT_ID, null, NOW))
                .expectException(violating("commitment-not-open"))
                .expectExceptionMessage(containsString("by follow-up " + FOLLOW_UP_ID));
    }

    @Test
    void keepCommitment_isRefused_whenDatedBeforeTheCommitmentWasMade() {
        fixture.given(promised())
                .when(new KeepCommitment(CONTACT_ID, OWNER, COMMITMENT_ID, NOTE, MADE_AT.minusSeconds(1)))
                .expectException(violating("before-previous-step"))
                .expectExceptionMessage(containsString("before the commitment was made"));
    }

    @Test
    void keepCommitment_isRefused_whenItsTimeIsInTheFuture() {
        fixture.given(promised())
                .when(new KeepCommitment(CONTACT_ID, OWNER, COMMITMENT_ID, NOTE, TOO_LATE))
                .expectException(violating("at-in-future"));
    }

    @Test
    void keepCommitment_isRefused_whenTheContactIsArchived() {
        fixture.given(with(promised(), contactArchived()))
                .when(new KeepCommitment(CONTACT_ID, OWNER, COMMITMENT_ID, NOTE, NOW))
                .expectException(violating("contact-archived"));
    }

    @Test
    void keepCommitment_isRefusedAsNotFound_whenTheCommitmentIsUnknown() {
        fixture.given(promised())
                .when(new KeepCommitment(CONTACT_ID, OWNER, OTHER_COMMITMENT_ID, NOTE, NOW))
                .expectException(instanceOf(CommitmentNotFound.class))
                .expectException(violating("commitment-not-found"));
    }

    @Test
    void keepCommitment_isRefusedAsNotFound_onSomeoneElsesContact() {
        fixture.given(promised())
                .when(new KeepCommitment(CONTACT_ID, STRANGER, COMMITMENT_ID, NOTE, NOW))
                .expectException(violating("contact-not-found"));
    }

    // --- dropping it

    @Test
    void dropCommitment_recordsTheReason() {
        fixture.given(promised())
                .when(new DropCommitment(CONTACT_ID, OWNER, COMMITMENT_ID, WHY, KEPT_AT))
                .expectEvents(commitmentDropped(WHY));
    }

    @Test
    void dropCommitment_isAcceptedWithoutNewEvent_whenRepeatedForTheSameReason() {
        fixture.given(with(promised(), commitmentDropped(WHY)))
                .when(new DropCommitment(CONTACT_ID, OWNER, COMMITMENT_ID, WHY, NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void dropCommitment_isRefusedAsNotOpen_whenKept() {
        fixture.given(with(promised(), commitmentKept(NOTE)))
                .when(new DropCommitment(CONTACT_ID, OWNER, COMMITMENT_ID, WHY, NOW))
                .expectException(violating("commitment-not-open"));
    }

    @Test
    void dropCommitment_isRefused_whenDatedBeforeTheCommitmentWasMade() {
        fixture.given(promised())
                .when(new DropCommitment(CONTACT_ID, OWNER, COMMITMENT_ID, WHY, MADE_AT.minusSeconds(1)))
                .expectException(violating("before-previous-step"));
    }

    @Test
    void dropCommitment_isRefused_whenItsTimeIsInTheFuture() {
        fixture.given(promised())
                .when(new DropCommitment(CONTACT_ID, OWNER, COMMITMENT_ID, WHY, TOO_LATE))
                .expectException(violating("at-in-future"));
    }

    @Test
    void dropCommitment_isRefused_whenTheContactIsArchived() {
        fixture.given(with(promised(), contactArchived()))
                .when(new DropCommitment(CONTACT_ID, OWNER, COMMITMENT_ID, WHY, NOW))
                .expectException(violating("contact-archived"));
    }

    @Test
    void dropCommitment_isRefusedAsNotFound_whenTheCommitmentIsUnknown() {
        fixture.given(held())
                .when(new DropCommitment(CONTACT_ID, OWNER, COMMITMENT_ID, WHY, NOW))
                .expectException(violating("commitment-not-found"));
    }

    // --- a follow-up that keeps it

    @Test
    void logFollowUp_keepsTheCommitmentsItNames_atTheFollowUpsTime() {
        fixture.given(with(promised(), otherCommitmentMade()))
                .when(followUpKeeping(KEPT_AT, COMMITMENT_ID, OTHER_COMMITMENT_ID))
                .expectEvents(followUpLoggedKeeping(KEPT_AT, COMMITMENT_ID, OTHER_COMMITMENT_ID),
                        new CommitmentKept(CONTACT_ID, OWNER, COMMITMENT_ID, FOLLOW_UP_ID, null, KEPT_AT),
                        new CommitmentKept(CONTACT_ID, OWNER, OTHER_COMMITMENT_ID, FOLLOW_UP_ID, null, KEPT_AT));
    }

    @Test
    void logFollowUp_keepsACommitmentOnce_whenItIsNamedTwice() {
        fixture.given(promised())
                .when(followUpKeeping(KEPT_AT, COMMITMENT_ID, COMMITMENT_ID))
                .expectEvents(followUpLoggedKeeping(KEPT_AT, COMMITMENT_ID),
                        new CommitmentKept(CONTACT_ID, OWNER, COMMITMENT_ID, FOLLOW_UP_ID, null, KEPT_AT));
    }

    @Test
    void logFollowUp_isRefusedAsNotOpen_whenItKeepsAnUnknownCommitment() {
        fixture.given(promised())
                .when(followUpKeeping(KEPT_AT, COMMITMENT_ID, OTHER_COMMITMENT_ID))
                .expectException(violating("commitment-not-open"))
                .expectExceptionMessage(containsString("not one of this contact's commitments"));
    }

    @Test
    void logFollowUp_isRefusedAsNotOpen_whenItKeepsACommitmentAlreadyKept() {
        fixture.given(with(promised(), commitmentKept(NOTE)))
                .when(followUpKeeping(NOW, COMMITMENT_ID))
                .expectException(violating("commitment-not-open"))
                .expectExceptionMessage(containsString("which is KEPT"));
    }

    @Test
    void logFollowUp_isRefused_whenDatedBeforeACommitmentItKeeps() {
        fixture.given(promised())
                .when(followUpKeeping(MADE_AT.minusSeconds(1), COMMITMENT_ID))
                .expectException(violating("before-previous-step"))
                .expectExceptionMessage(containsString("before the commitment was made"));
    }

    @Test
    void logFollowUp_isAcceptedWithoutNewEvent_whenRetriedWithTheSameKeeps() {
        fixture.given(with(promised(), followUpLoggedKeeping(KEPT_AT, COMMITMENT_ID),
                        new CommitmentKept(CONTACT_ID, OWNER, COMMITMENT_ID, FOLLOW_UP_ID, null, KEPT_AT)))
                .when(followUpKeeping(NOW, COMMITMENT_ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void logFollowUp_isRefusedAsIdReused_whenRetriedWithOtherKeeps() {
        fixture.given(with(promised(), otherCommitmentMade(), followUpLoggedKeeping(KEPT_AT, COMMITMENT_ID),
                        new CommitmentKept(CONTACT_ID, OWNER, COMMITMENT_ID, FOLLOW_UP_ID, null, KEPT_AT)))
                .when(followUpKeeping(NOW, COMMITMENT_ID, OTHER_COMMITMENT_ID))
                .expectException(violating("id-reused"));
    }

    // --- corrections and retractions: not yet for promises

    @Test
    void correctEntry_isRefusedAsNotCorrectable_forAPromiseMade() {
        fixture.given(promised());
        fixture.when(new CorrectEntry(CONTACT_ID, OWNER, idOf(fixture, CommitmentMade.class),
                        new EntryChanges(NOW, null, null, null, null, null), REASON, NOW))
                .expectException(violating("not-correctable"))
                .expectExceptionMessage(containsString("drop it and make the commitment again instead"));
    }

    @Test
    void correctEntry_isRefusedAsNotCorrectable_forAPromiseKept() {
        fixture.given(with(promised(), commitmentKept(NOTE)));
        fixture.when(new CorrectEntry(CONTACT_ID, OWNER, idOf(fixture, CommitmentKept.class),
                        new EntryChanges(null, null, null, "another note", null, null), REASON, NOW))
                .expectException(violating("not-correctable"));
    }

    @Test
    void retractEntry_isRefusedAsNotRetractable_forAPromise() {
        fixture.given(promised());
        fixture.when(new RetractEntry(CONTACT_ID, OWNER, idOf(fixture, CommitmentMade.class), REASON, NOW))
                .expectException(violating("not-retractable"))
                .expectExceptionMessage(containsString("drop an open one instead"));
    }

    @Test
    void correctEntry_isRefusedAsNotCorrectable_whenItMovesAFollowUpThatKeptAPromise() {
        fixture.given(with(promised(), followUpLoggedKeeping(KEPT_AT, COMMITMENT_ID),
                new CommitmentKept(CONTACT_ID, OWNER, COMMITMENT_ID, FOLLOW_UP_ID, null, KEPT_AT)));
        fixture.when(new CorrectEntry(CONTACT_ID, OWNER, idOf(fixture, FollowUpLogged.class),
                        new EntryChanges(KEPT_AT.minusSeconds(60), null, null, null, null, null), REASON, NOW))
                .expectException(violating("not-correctable"))
                .expectExceptionMessage(containsString("its note and channel can be corrected"));
    }

    @Test
    void correctEntry_correctsTheNoteOfAFollowUpThatKeptAPromise() {
        fixture.given(with(promised(), followUpLoggedKeeping(KEPT_AT, COMMITMENT_ID),
                new CommitmentKept(CONTACT_ID, OWNER, COMMITMENT_ID, FOLLOW_UP_ID, null, KEPT_AT)));
        String followUp = idOf(fixture, FollowUpLogged.class);
        EntryChanges changes = new EntryChanges(null, null, null, "here are both articles", null, null);
        fixture.when(new CorrectEntry(CONTACT_ID, OWNER, followUp, changes, REASON, NOW))
                .expectEvents(new EntryCorrected(CONTACT_ID, OWNER, followUp, "FollowUpLogged", null, FOLLOW_UP_ID,
                        changes, REASON, NOW));
    }

    @Test
    void retractEntry_isRefusedAsNotRetractable_forAFollowUpThatKeptAPromise() {
        fixture.given(with(promised(), followUpLoggedKeeping(KEPT_AT, COMMITMENT_ID),
                new CommitmentKept(CONTACT_ID, OWNER, COMMITMENT_ID, FOLLOW_UP_ID, null, KEPT_AT)));
        fixture.when(new RetractEntry(CONTACT_ID, OWNER, idOf(fixture, FollowUpLogged.class), REASON, NOW))
                .expectException(violating("not-retractable"))
                .expectExceptionMessage(containsString("a kept commitment cannot be reopened yet"));
    }
}
