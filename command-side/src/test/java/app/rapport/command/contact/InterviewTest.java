package app.rapport.command.contact;

import app.rapport.commands.interview.CancelInterview;
import app.rapport.commands.interview.HoldInterview;
import app.rapport.commands.interview.PrepareInterview;
import app.rapport.commands.interview.RecordResponse;
import app.rapport.commands.interview.RequestInterview;
import app.rapport.commands.interview.ScheduleInterview;
import app.rapport.commands.interview.SendNudge;
import app.rapport.commands.interview.SendThankYou;
import app.rapport.events.contact.EntryRetracted;
import app.rapport.events.interview.InterviewAccepted;
import app.rapport.events.interview.InterviewCancelled;
import app.rapport.events.interview.InterviewDeclined;
import app.rapport.events.interview.InterviewHeld;
import app.rapport.events.interview.InterviewPrepared;
import app.rapport.events.interview.InterviewRequestUnanswered;
import app.rapport.events.interview.InterviewRequested;
import app.rapport.events.interview.InterviewScheduled;
import app.rapport.events.interview.NudgeSent;
import app.rapport.events.interview.ThankYouSent;
import app.rapport.values.Channel;
import app.rapport.values.InterviewChecklist;
import app.rapport.values.ResponseOutcome;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static app.rapport.command.contact.ContactFixtures.ACCEPTED_AT;
import static app.rapport.command.contact.ContactFixtures.ADDED_AT;
import static app.rapport.command.contact.ContactFixtures.AGREED_MINUTES;
import static app.rapport.command.contact.ContactFixtures.ALL_COURTESIES;
import static app.rapport.command.contact.ContactFixtures.CONTACT_ID;
import static app.rapport.command.contact.ContactFixtures.INTERVIEW_ID;
import static app.rapport.command.contact.ContactFixtures.MEETING_AT;
import static app.rapport.command.contact.ContactFixtures.NOW;
import static app.rapport.command.contact.ContactFixtures.OWNER;
import static app.rapport.command.contact.ContactFixtures.PURPOSE;
import static app.rapport.command.contact.ContactFixtures.REASON;
import static app.rapport.command.contact.ContactFixtures.REQUESTED_AT;
import static app.rapport.command.contact.ContactFixtures.SCHEDULED_AT;
import static app.rapport.command.contact.ContactFixtures.TOO_LATE;
import static app.rapport.command.contact.ContactFixtures.accepted;
import static app.rapport.command.contact.ContactFixtures.contactAdded;
import static app.rapport.command.contact.ContactFixtures.contactFixture;
import static app.rapport.command.contact.ContactFixtures.held;
import static app.rapport.command.contact.ContactFixtures.holdInterview;
import static app.rapport.command.contact.ContactFixtures.idOf;
import static app.rapport.command.contact.ContactFixtures.interviewRequested;
import static app.rapport.command.contact.ContactFixtures.prepared;
import static app.rapport.command.contact.ContactFixtures.requestInterview;
import static app.rapport.command.contact.ContactFixtures.requested;
import static app.rapport.command.contact.ContactFixtures.scheduled;
import static app.rapport.command.contact.ContactFixtures.thanked;
import static app.rapport.command.contact.ContactFixtures.violating;
import static app.rapport.command.contact.ContactFixtures.with;
import static org.hamcrest.Matchers.containsString;

/** One interview's lifecycle: requested, answered, scheduled, prepared, held, thanked for or cancelled. */
class InterviewTest {

    private static final Instant NEW_DATE = NOW.plus(Duration.ofDays(7));
    private static final Instant NUDGED_AT = REQUESTED_AT.plus(Duration.ofDays(7));

    private final AggregateTestFixture<Contact> fixture = contactFixture();

    private static InterviewCancelled interviewCancelled() {
        return new InterviewCancelled(CONTACT_ID, OWNER, INTERVIEW_ID, "she changed jobs", REQUESTED_AT.plusSeconds(60));
    }

    private static RecordResponse respond(ResponseOutcome outcome) {
        return new RecordResponse(CONTACT_ID, OWNER, INTERVIEW_ID, outcome, "note", NOW);
    }

    private static ScheduleInterview schedule(Instant scheduledFor) {
        return new ScheduleInterview(CONTACT_ID, OWNER, INTERVIEW_ID, scheduledFor, Channel.VIDEO, "a video link", NOW);
    }

    private static PrepareInterview prepare() {
        return new PrepareInterview(CONTACT_ID, OWNER, INTERVIEW_ID, List.of("How did you start?", "What surprised you?"),
                "read her talk", true, NOW);
    }

    private static SendThankYou sendThankYou() {
        return new SendThankYou(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, "thank you for your time", NOW);
    }

    private static SendNudge sendNudge() {
        return new SendNudge(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, "just checking in", NOW);
    }

    private static NudgeSent nudged() {
        return new NudgeSent(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, "a gentle reminder", NUDGED_AT);
    }

    /** The history of a request marked as unanswered. */
    private static List<Object> unanswered() {
        return with(requested(), new InterviewRequestUnanswered(CONTACT_ID, OWNER, INTERVIEW_ID, null, ACCEPTED_AT));
    }

    private static CancelInterview cancel() {
        return new CancelInterview(CONTACT_ID, OWNER, INTERVIEW_ID, "she changed jobs", NOW);
    }

    @Test
    void requestInterview_recordsChannelDurationAndPurpose() {
        fixture.given(contactAdded())
                .when(requestInterview())
                .expectEvents(new InterviewRequested(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, AGREED_MINUTES,
                        PURPOSE, requestInterview().message(), NOW));
    }

    @Test
    void requestInterview_isAcceptedWithoutNewEvent_whenRetriedIdentically() {
        fixture.given(requested())
                .when(requestInterview())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void requestInterview_isRefusedAsIdReused_whenTheIdIsRetriedWithAnotherPurpose() {
        RequestInterview other = new RequestInterview(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, AGREED_MINUTES,
                "how to get into research", null, NOW);

        fixture.given(requested())
                .when(other)
                .expectException(violating("id-reused"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 9, 91})
    void requestInterview_isRefused_whenTheDurationIsOutside10To90Minutes(int minutes) {
        fixture.given(contactAdded())
                .when(new RequestInterview(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, minutes, PURPOSE, null, NOW))
                .expectException(violating("duration-out-of-range"));
    }

    @Test
    void requestInterview_isRefused_whenThePurposeIsMissing() {
        fixture.given(contactAdded())
                .when(new RequestInterview(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, 20, " ", null, NOW))
                .expectException(violating("required-value-missing"));
    }

    @Test
    void recordResponse_recordsInterviewAccepted_whenAccepted() {
        fixture.given(requested())
                .when(respond(ResponseOutcome.ACCEPTED))
                .expectEvents(new InterviewAccepted(CONTACT_ID, OWNER, INTERVIEW_ID, "note", NOW));
    }

    @Test
    void recordResponse_recordsInterviewDeclined_whenDeclined() {
        fixture.given(requested())
                .when(respond(ResponseOutcome.DECLINED))
                .expectEvents(new InterviewDeclined(CONTACT_ID, OWNER, INTERVIEW_ID, "note", NOW));
    }

    @Test
    void recordResponse_recordsInterviewRequestUnanswered_whenNoResponse() {
        fixture.given(requested())
                .when(respond(ResponseOutcome.NO_RESPONSE))
                .expectEvents(new InterviewRequestUnanswered(CONTACT_ID, OWNER, INTERVIEW_ID, "note", NOW));
    }

    @Test
    void recordResponse_isRefused_whenAResponseWasAlreadyRecorded() {
        fixture.given(with(requested(), new InterviewDeclined(CONTACT_ID, OWNER, INTERVIEW_ID, "busy", REQUESTED_AT)))
                .when(respond(ResponseOutcome.ACCEPTED))
                .expectException(violating("response-already-recorded"))
                .expectExceptionMessage(containsString("it is DECLINED"));
    }

    @Test
    void recordResponse_isRefused_whenTheSameResponseIsRepeated() {
        fixture.given(accepted())
                .when(respond(ResponseOutcome.ACCEPTED))
                .expectException(violating("response-already-recorded"));
    }

    @Test
    void recordResponse_isRefused_whenTheInterviewWasCancelled() {
        fixture.given(with(requested(), interviewCancelled()))
                .when(respond(ResponseOutcome.ACCEPTED))
                .expectException(violating("interview-out-of-order"))
                .expectExceptionMessage(containsString("it is CANCELLED"));
    }

    @Test
    void recordResponse_isRefused_whenTheOutcomeIsMissing() {
        fixture.given(requested())
                .when(respond(null))
                .expectException(violating("required-value-missing"));
    }

    @Test
    void scheduleInterview_recordsDateModeAndPlace_whenAccepted() {
        fixture.given(accepted())
                .when(schedule(NEW_DATE))
                .expectEvents(new InterviewScheduled(CONTACT_ID, OWNER, INTERVIEW_ID, NEW_DATE, Channel.VIDEO,
                        "a video link", NOW, true));
    }

    @Test
    void scheduleInterview_recordsWhetherThePlaceIsThePreferredOne_soTheFactOutlivesAnErasureOfBothTexts() {
        fixture.given(accepted())
                .when(new ScheduleInterview(CONTACT_ID, OWNER, INTERVIEW_ID, NEW_DATE, Channel.IN_PERSON,
                        "  café nord ", NOW))
                .expectEvents(new InterviewScheduled(CONTACT_ID, OWNER, INTERVIEW_ID, NEW_DATE, Channel.IN_PERSON,
                        "  café nord ", NOW, false));
    }

    @Test
    void scheduleInterview_acceptsADateInTheFuture_unlikeTheBusinessTime() {
        Instant nextYear = NOW.plus(Duration.ofDays(365));

        fixture.given(accepted())
                .when(schedule(nextYear))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void scheduleInterview_movesTheDate_whenAlreadyScheduled() {
        fixture.given(scheduled())
                .when(schedule(NEW_DATE))
                .expectEvents(new InterviewScheduled(CONTACT_ID, OWNER, INTERVIEW_ID, NEW_DATE, Channel.VIDEO,
                        "a video link", NOW, true));
    }

    @Test
    void scheduleInterview_movesTheDate_whenAlreadyPrepared() {
        fixture.given(prepared())
                .when(schedule(NEW_DATE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new InterviewScheduled(CONTACT_ID, OWNER, INTERVIEW_ID, NEW_DATE, Channel.VIDEO,
                        "a video link", NOW, true));
    }

    @Test
    void scheduleInterview_isRefused_whenTheRequestIsNotAccepted() {
        fixture.given(requested())
                .when(schedule(NEW_DATE))
                .expectException(violating("interview-out-of-order"))
                .expectExceptionMessage(containsString("it is REQUESTED"));
    }

    @Test
    void scheduleInterview_isRefused_whenTheInterviewWasHeld() {
        fixture.given(held())
                .when(schedule(NEW_DATE))
                .expectException(violating("interview-out-of-order"));
    }

    @Test
    void prepareInterview_recordsQuestionsAndResearch_whenScheduled() {
        fixture.given(scheduled())
                .when(prepare())
                .expectEvents(new InterviewPrepared(CONTACT_ID, OWNER, INTERVIEW_ID,
                        List.of("How did you start?", "What surprised you?"), "read her talk", true, NOW));
    }

    @Test
    void prepareInterview_revisesThePreparation_whenAlreadyPrepared() {
        fixture.given(prepared())
                .when(prepare())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new InterviewPrepared(CONTACT_ID, OWNER, INTERVIEW_ID,
                        List.of("How did you start?", "What surprised you?"), "read her talk", true, NOW));
    }

    @Test
    void prepareInterview_isRefused_whenNotScheduled() {
        fixture.given(accepted())
                .when(prepare())
                .expectException(violating("interview-out-of-order"))
                .expectExceptionMessage(containsString("it is ACCEPTED"));
    }

    @Test
    void prepareInterview_isRefused_whenThereAreNoQuestions() {
        fixture.given(scheduled())
                .when(new PrepareInterview(CONTACT_ID, OWNER, INTERVIEW_ID, List.of(), "notes", false, NOW))
                .expectException(violating("required-value-missing"));
    }

    @Test
    void holdInterview_recordsAgreedAndActualMinutes() {
        fixture.given(prepared())
                .when(holdInterview(32))
                .expectEvents(new InterviewHeld(CONTACT_ID, OWNER, INTERVIEW_ID, AGREED_MINUTES, 32, "notes",
                        ALL_COURTESIES, MEETING_AT));
    }

    @Test
    void holdInterview_isAllowed_withoutPreparation() {
        fixture.given(scheduled())
                .when(holdInterview(20))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new InterviewHeld(CONTACT_ID, OWNER, INTERVIEW_ID, AGREED_MINUTES, 20, "notes",
                        ALL_COURTESIES, MEETING_AT));
    }

    @Test
    void holdInterview_recordsNoCourtesies_whenTheChecklistIsMissing() {
        fixture.given(scheduled())
                .when(new HoldInterview(CONTACT_ID, OWNER, INTERVIEW_ID, MEETING_AT, 20, null, null))
                .expectEvents(new InterviewHeld(CONTACT_ID, OWNER, INTERVIEW_ID, AGREED_MINUTES, 20, null,
                        new InterviewChecklist(false, false, false, false), MEETING_AT));
    }

    @Test
    void holdInterview_isRefused_whenNotScheduled() {
        fixture.given(accepted())
                .when(holdInterview(20))
                .expectException(violating("interview-out-of-order"))
                .expectExceptionMessage(containsString("it is ACCEPTED"));
    }

    @Test
    void holdInterview_isRefused_whenAlreadyHeld() {
        fixture.given(held())
                .when(holdInterview(20))
                .expectException(violating("interview-out-of-order"))
                .expectExceptionMessage(containsString("it is HELD"));
    }

    @Test
    void holdInterview_isRefusedAsBeforePreviousStep_whenHeldBeforeTheRequest() {
        fixture.given(scheduled())
                .when(new HoldInterview(CONTACT_ID, OWNER, INTERVIEW_ID, REQUESTED_AT.minusSeconds(1), 20, null, null))
                .expectException(violating("before-previous-step"));
    }

    @Test
    void holdInterview_isRefusedAsBeforePreviousStep_whenHeldBeforeTheAcceptance() {
        fixture.given(scheduled())
                .when(new HoldInterview(CONTACT_ID, OWNER, INTERVIEW_ID, ACCEPTED_AT.minusSeconds(1), 20, null, null))
                .expectException(violating("before-previous-step"))
                .expectExceptionMessage(containsString("the hold (%s) would come before the acceptance it follows (%s)"
                        .formatted(ACCEPTED_AT.minusSeconds(1), ACCEPTED_AT)))
                .expectNoEvents();
    }

    @Test
    void holdInterview_isAccepted_whenHeldTheMomentOfTheAcceptance() {
        fixture.given(scheduled())
                .when(new HoldInterview(CONTACT_ID, OWNER, INTERVIEW_ID, ACCEPTED_AT, 20, null, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void holdInterview_isAccepted_whenHeldBeforeTheScheduleWasRecorded() {
        // the date is often logged after the meeting: only the acceptance bounds it
        fixture.given(scheduled())
                .when(new HoldInterview(CONTACT_ID, OWNER, INTERVIEW_ID, SCHEDULED_AT.minusSeconds(60), 20, null, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void holdInterview_isRefused_whenHeldMoreThanFiveMinutesAhead() {
        fixture.given(scheduled())
                .when(new HoldInterview(CONTACT_ID, OWNER, INTERVIEW_ID, TOO_LATE, 20, null, null))
                .expectException(violating("at-in-future"));
    }

    @ParameterizedTest
    @ValueSource(ints = {-5, 0, Interview.MAX_ACTUAL_MINUTES + 1})
    void holdInterview_isRefused_whenTheActualMinutesAreNonsense(int minutes) {
        fixture.given(scheduled())
                .when(holdInterview(minutes))
                .expectException(violating("actual-minutes-out-of-range"));
    }

    @Test
    void recordResponse_isRefusedAsBeforePreviousStep_whenDatedBeforeTheRequest() {
        fixture.given(requested())
                .when(new RecordResponse(CONTACT_ID, OWNER, INTERVIEW_ID, ResponseOutcome.ACCEPTED, null,
                        REQUESTED_AT.minusSeconds(1)))
                .expectException(violating("before-previous-step"))
                .expectExceptionMessage(containsString("before the request it follows"));
    }

    @Test
    void recordResponse_isRefusedAsBeforePreviousStep_whenNoResponseIsMarkedBeforeTheRequest() {
        fixture.given(requested())
                .when(new RecordResponse(CONTACT_ID, OWNER, INTERVIEW_ID, ResponseOutcome.NO_RESPONSE, null,
                        REQUESTED_AT.minusSeconds(1)))
                .expectException(violating("before-previous-step"));
    }

    @Test
    void recordResponse_recordsALateAcceptance_whenTheRequestWasMarkedUnanswered() {
        fixture.given(unanswered())
                .when(respond(ResponseOutcome.ACCEPTED))
                .expectEvents(new InterviewAccepted(CONTACT_ID, OWNER, INTERVIEW_ID, "note", NOW));
    }

    @Test
    void recordResponse_recordsALateDecline_whenTheRequestWasMarkedUnanswered() {
        fixture.given(unanswered())
                .when(respond(ResponseOutcome.DECLINED))
                .expectEvents(new InterviewDeclined(CONTACT_ID, OWNER, INTERVIEW_ID, "note", NOW));
    }

    @Test
    void recordResponse_isRefused_whenTheRequestIsMarkedUnansweredTwice() {
        fixture.given(unanswered())
                .when(respond(ResponseOutcome.NO_RESPONSE))
                .expectException(violating("response-already-recorded"))
                .expectExceptionMessage(containsString("it is NO_RESPONSE"));
    }

    @Test
    void recordResponse_isRefusedAsBeforePreviousStep_whenALateAnswerIsDatedBeforeTheRequest() {
        fixture.given(unanswered())
                .when(new RecordResponse(CONTACT_ID, OWNER, INTERVIEW_ID, ResponseOutcome.ACCEPTED, null,
                        REQUESTED_AT.minusSeconds(1)))
                .expectException(violating("before-previous-step"));
    }

    @Test
    void scheduleInterview_isAllowed_afterALateAcceptance() {
        fixture.given(with(unanswered(), new InterviewAccepted(CONTACT_ID, OWNER, INTERVIEW_ID, "sorry, late", NOW)))
                .when(schedule(NEW_DATE))
                .expectEvents(new InterviewScheduled(CONTACT_ID, OWNER, INTERVIEW_ID, NEW_DATE, Channel.VIDEO,
                        "a video link", NOW, true));
    }

    @Test
    void scheduleInterview_isRefusedAsBeforePreviousStep_whenDatedBeforeTheAcceptance() {
        fixture.given(accepted())
                .when(new ScheduleInterview(CONTACT_ID, OWNER, INTERVIEW_ID, NEW_DATE, Channel.VIDEO, null,
                        ACCEPTED_AT.minusSeconds(1)))
                .expectException(violating("before-previous-step"))
                .expectExceptionMessage(containsString("the schedule"));
    }

    @Test
    void prepareInterview_isRefusedAsBeforePreviousStep_whenDatedBeforeTheAcceptance() {
        fixture.given(scheduled())
                .when(new PrepareInterview(CONTACT_ID, OWNER, INTERVIEW_ID, List.of("Why?"), null, false,
                        ACCEPTED_AT.minusSeconds(1)))
                .expectException(violating("before-previous-step"));
    }

    @Test
    void prepareInterview_isAccepted_whenDatedBeforeTheScheduleButAfterTheAcceptance() {
        // research may start before a date is fixed, but not before the contact said yes
        fixture.given(scheduled())
                .when(new PrepareInterview(CONTACT_ID, OWNER, INTERVIEW_ID, List.of("Why?"), null, false,
                        SCHEDULED_AT.minusSeconds(60)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cancelInterview_isRefusedAsBeforePreviousStep_whenDatedBeforeTheRequest() {
        fixture.given(requested())
                .when(new CancelInterview(CONTACT_ID, OWNER, INTERVIEW_ID, null, REQUESTED_AT.minusSeconds(1)))
                .expectException(violating("before-previous-step"));
    }

    @Test
    void requestInterview_isRefusedAsBeforePreviousStep_whenDatedBeforeTheContactWasAdded() {
        fixture.given(contactAdded())
                .when(new RequestInterview(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, AGREED_MINUTES, PURPOSE,
                        null, ADDED_AT.minusSeconds(1)))
                .expectException(violating("before-previous-step"))
                .expectExceptionMessage(containsString("before the contact was added"));
    }

    @Test
    void sendThankYou_isRefusedAsBeforePreviousStep_whenDatedBeforeTheHold() {
        fixture.given(held())
                .when(new SendThankYou(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, null, MEETING_AT.minusSeconds(1)))
                .expectException(violating("before-previous-step"))
                .expectExceptionMessage(containsString("the thank-you"))
                .expectNoEvents();
    }

    @Test
    void sendThankYou_isAccepted_whenDatedTheMomentOfTheHold() {
        fixture.given(held())
                .when(new SendThankYou(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, null, MEETING_AT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void sendNudge_recordsNudgeSent_whenTheRequestIsUnanswered() {
        fixture.given(requested())
                .when(sendNudge())
                .expectEvents(new NudgeSent(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, "just checking in", NOW));
    }

    @Test
    void sendNudge_recordsNudgeSent_whenTheRequestWasMarkedUnanswered() {
        fixture.given(unanswered())
                .when(sendNudge())
                .expectEvents(new NudgeSent(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, "just checking in", NOW));
    }

    @Test
    void sendNudge_isRefused_whenANudgeWasAlreadySent() {
        fixture.given(with(requested(), nudged()))
                .when(sendNudge())
                .expectException(violating("nudge-already-sent"))
                .expectExceptionMessage(containsString("one was sent at " + NUDGED_AT));
    }

    @Test
    void sendNudge_isAllowedAgain_whenTheEarlierNudgeWasRetracted() {
        fixture.given(with(requested(), nudged()));
        fixture.andGiven(new EntryRetracted(CONTACT_ID, OWNER, idOf(fixture, NudgeSent.class), "NudgeSent",
                        INTERVIEW_ID, null, REASON, NOW))
                .when(sendNudge())
                .expectEvents(new NudgeSent(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, "just checking in", NOW));
    }

    @Test
    void sendNudge_isRefusedAsOutOfOrder_whenTheRequestWasAnswered() {
        fixture.given(accepted())
                .when(sendNudge())
                .expectException(violating("interview-out-of-order"))
                .expectExceptionMessage(containsString("it is ACCEPTED"));
    }

    @Test
    void sendNudge_isRefusedAsOutOfOrder_whenTheRequestWasDeclined() {
        fixture.given(with(requested(), new InterviewDeclined(CONTACT_ID, OWNER, INTERVIEW_ID, "busy", ACCEPTED_AT)))
                .when(sendNudge())
                .expectException(violating("interview-out-of-order"))
                .expectExceptionMessage(containsString("it is DECLINED"));
    }

    @Test
    void sendNudge_isRefusedAsOutOfOrder_whenTheInterviewWasCancelled() {
        fixture.given(with(requested(), interviewCancelled()))
                .when(sendNudge())
                .expectException(violating("interview-out-of-order"))
                .expectExceptionMessage(containsString("it is CANCELLED"));
    }

    @Test
    void sendNudge_isRefusedAsBeforePreviousStep_whenDatedBeforeTheRequest() {
        fixture.given(requested())
                .when(new SendNudge(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, null, REQUESTED_AT.minusSeconds(1)))
                .expectException(violating("before-previous-step"))
                .expectExceptionMessage(containsString("the nudge"));
    }

    @Test
    void sendNudge_isRefused_whenTheChannelIsMissing() {
        fixture.given(requested())
                .when(new SendNudge(CONTACT_ID, OWNER, INTERVIEW_ID, null, null, NOW))
                .expectException(violating("required-value-missing"));
    }

    @Test
    void sendNudge_leavesTheRequestOpen_soItCanStillBeAnswered() {
        fixture.given(with(requested(), nudged()))
                .when(respond(ResponseOutcome.ACCEPTED))
                .expectEvents(new InterviewAccepted(CONTACT_ID, OWNER, INTERVIEW_ID, "note", NOW));
    }

    @Test
    void sendThankYou_recordsThankYouSent_whenHeld() {
        fixture.given(held())
                .when(sendThankYou())
                .expectEvents(new ThankYouSent(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL,
                        "thank you for your time", NOW));
    }

    @Test
    void sendThankYou_isRefused_whenInterviewNotHeld() {
        fixture.given(scheduled())
                .when(sendThankYou())
                .expectException(violating("interview-not-held"))
                .expectExceptionMessage(containsString(
                        "it is SCHEDULED; a thank-you can be sent once the interview is held"));
    }

    @Test
    void sendThankYou_isRefused_whenAThankYouWasAlreadySent() {
        fixture.given(thanked())
                .when(sendThankYou())
                .expectException(violating("thank-you-already-sent"));
    }

    @Test
    void cancelInterview_recordsInterviewCancelled_whenScheduled() {
        fixture.given(scheduled())
                .when(cancel())
                .expectEvents(new InterviewCancelled(CONTACT_ID, OWNER, INTERVIEW_ID, "she changed jobs", NOW));
    }

    @Test
    void cancelInterview_withdrawsTheRequest_whenNotYetAnswered() {
        fixture.given(requested())
                .when(cancel())
                .expectEvents(new InterviewCancelled(CONTACT_ID, OWNER, INTERVIEW_ID, "she changed jobs", NOW));
    }

    @Test
    void cancelInterview_isRefused_whenHeld() {
        fixture.given(held())
                .when(cancel())
                .expectException(violating("interview-out-of-order"))
                .expectExceptionMessage(containsString("it is HELD"));
    }

    @Test
    void cancelInterview_isRefused_whenDeclined() {
        fixture.given(with(requested(), new InterviewDeclined(CONTACT_ID, OWNER, INTERVIEW_ID, "busy", REQUESTED_AT)))
                .when(cancel())
                .expectException(violating("interview-out-of-order"));
    }

    @Test
    void cancelInterview_isRefused_whenAlreadyCancelled() {
        fixture.given(with(requested(), interviewCancelled()))
                .when(cancel())
                .expectException(violating("interview-already-cancelled"));
    }

    @Test
    void interviews_keepTheirOwnLifecycles_whenAContactHasSeveral() {
        var second = new InterviewRequested(CONTACT_ID, OWNER, ContactFixtures.OTHER_INTERVIEW_ID, Channel.PHONE, 20,
                "a second conversation", null, REQUESTED_AT);

        fixture.given(with(held(), second))
                .when(new SendThankYou(CONTACT_ID, OWNER, ContactFixtures.OTHER_INTERVIEW_ID, Channel.EMAIL, null, NOW))
                .expectException(violating("interview-not-held"))
                .expectExceptionMessage(containsString("it is REQUESTED"));
    }
}
