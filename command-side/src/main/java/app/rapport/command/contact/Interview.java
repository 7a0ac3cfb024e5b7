package app.rapport.command.contact;

import app.rapport.command.BusinessTime;
import app.rapport.command.RuleViolation;
import app.rapport.commands.interview.CancelInterview;
import app.rapport.commands.interview.HoldInterview;
import app.rapport.commands.interview.PrepareInterview;
import app.rapport.commands.interview.RecordResponse;
import app.rapport.commands.interview.RequestInterview;
import app.rapport.commands.interview.ScheduleInterview;
import app.rapport.commands.interview.SendThankYou;
import app.rapport.events.interview.InterviewAccepted;
import app.rapport.events.interview.InterviewCancelled;
import app.rapport.events.interview.InterviewDeclined;
import app.rapport.events.interview.InterviewHeld;
import app.rapport.events.interview.InterviewPrepared;
import app.rapport.events.interview.InterviewRequestUnanswered;
import app.rapport.events.interview.InterviewRequested;
import app.rapport.events.interview.InterviewScheduled;
import app.rapport.events.interview.ThankYouSent;
import app.rapport.values.Channel;
import app.rapport.values.InterviewChecklist;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static app.rapport.command.contact.InterviewStatus.ACCEPTED;
import static app.rapport.command.contact.InterviewStatus.CANCELLED;
import static app.rapport.command.contact.InterviewStatus.DECLINED;
import static app.rapport.command.contact.InterviewStatus.HELD;
import static app.rapport.command.contact.InterviewStatus.NO_RESPONSE;
import static app.rapport.command.contact.InterviewStatus.PREPARED;
import static app.rapport.command.contact.InterviewStatus.REQUESTED;
import static app.rapport.command.contact.InterviewStatus.SCHEDULED;
import static app.rapport.command.contact.InterviewStatus.THANKED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One informational interview with a contact, from the request to the thank-you. The contact
 * checks who is asking and whether it is archived; the interview decides what its lifecycle
 * allows next.
 */
class Interview {

    /** An interview that runs longer than a working day is a typing error, not an overrun. */
    static final int MIN_ACTUAL_MINUTES = 1;
    static final int MAX_ACTUAL_MINUTES = 480;

    private static final Set<InterviewStatus> SCHEDULABLE = EnumSet.of(ACCEPTED, SCHEDULED, PREPARED);
    private static final Set<InterviewStatus> BEFORE_THE_MEETING = EnumSet.of(SCHEDULED, PREPARED);
    private static final Set<InterviewStatus> CANCELLABLE = EnumSet.of(REQUESTED, ACCEPTED, SCHEDULED, PREPARED);

    @EntityId
    private final UUID interviewId;
    private final Channel channel;
    private final int durationMinutes;
    private final String purpose;
    private final String message;
    private final Instant requestedAt;
    private InterviewStatus status;
    private Instant thankedAt;

    Interview(InterviewRequested requested) {
        this.interviewId = requested.interviewId();
        this.channel = requested.channel();
        this.durationMinutes = requested.durationMinutes();
        this.purpose = requested.purpose();
        this.message = requested.message();
        this.requestedAt = requested.at();
        this.status = REQUESTED;
    }

    /** A request repeated with the same id and the same words, as a client does when an answer was lost. */
    boolean isRetryOf(RequestInterview command) {
        return channel == command.channel()
                && durationMinutes == command.durationMinutes()
                && Objects.equals(purpose, command.purpose())
                && Objects.equals(message, command.message());
    }

    /** When the thank-you went out, if it did: the start of the relationship's next phase. */
    Optional<Instant> thankedAt() {
        return Optional.ofNullable(thankedAt);
    }

    void recordResponse(RecordResponse command) {
        Required.value(command.outcome(), "outcome", "record a response to interview " + interviewId);
        if (isCancelled()) {
            throw outOfOrder("record a response to", "a response can be recorded while the request is open");
        }
        if (!isAwaitingResponse()) {
            throw new RuleViolation("response-already-recorded",
                    "Cannot record a response to interview %s: it is %s; a request gets one response."
                            .formatted(interviewId, status));
        }
        switch (command.outcome()) {
            case ACCEPTED -> apply(new InterviewAccepted(
                    command.contactId(), command.ownerId(), interviewId, command.note(), command.at()));
            case DECLINED -> apply(new InterviewDeclined(
                    command.contactId(), command.ownerId(), interviewId, command.note(), command.at()));
            case NO_RESPONSE -> apply(new InterviewRequestUnanswered(
                    command.contactId(), command.ownerId(), interviewId, command.note(), command.at()));
        }
    }

    void schedule(ScheduleInterview command) {
        String asked = "schedule interview " + interviewId;
        Required.value(command.scheduledFor(), "scheduled time", asked);
        Required.value(command.mode(), "mode", asked);
        if (!isSchedulable()) {
            throw outOfOrder("schedule", "an interview can be scheduled once accepted and moved until it is held");
        }
        apply(new InterviewScheduled(command.contactId(), command.ownerId(), interviewId,
                command.scheduledFor(), command.mode(), command.location(), command.at()));
    }

    void prepare(PrepareInterview command) {
        if (command.questions().isEmpty()) {
            throw new RuleViolation("required-value-missing",
                    "Cannot prepare interview %s: no questions were given; preparing means writing at least one."
                            .formatted(interviewId));
        }
        if (!isBeforeTheMeeting()) {
            throw outOfOrder("prepare", "an interview can be prepared once scheduled and until it is held");
        }
        apply(new InterviewPrepared(command.contactId(), command.ownerId(), interviewId, command.questions(),
                command.researchNotes(), command.recordingPermissionAsked(), command.at()));
    }

    void hold(HoldInterview command, Clock clock) {
        BusinessTime.requireNotInFuture(command.heldAt(), clock, "hold interview " + interviewId);
        if (!isBeforeTheMeeting()) {
            throw outOfOrder("hold", "an interview can be held once scheduled");
        }
        if (command.heldAt().isBefore(requestedAt)) {
            throw new RuleViolation("held-before-request",
                    "Cannot hold interview %s at %s: it was requested at %s; it can be held only after the request."
                            .formatted(interviewId, command.heldAt(), requestedAt));
        }
        if (command.actualMinutes() < MIN_ACTUAL_MINUTES || command.actualMinutes() > MAX_ACTUAL_MINUTES) {
            throw new RuleViolation("actual-minutes-out-of-range",
                    "Cannot hold interview %s for %d minutes: an interview lasts from %d to %d minutes."
                            .formatted(interviewId, command.actualMinutes(), MIN_ACTUAL_MINUTES, MAX_ACTUAL_MINUTES));
        }
        // No checklist means none of the courtesies was ticked, not that the question was skipped.
        InterviewChecklist checklist = command.checklist() != null
                ? command.checklist()
                : new InterviewChecklist(false, false, false, false);
        apply(new InterviewHeld(command.contactId(), command.ownerId(), interviewId, durationMinutes,
                command.actualMinutes(), command.notes(), checklist, command.heldAt()));
    }

    void sendThankYou(SendThankYou command) {
        Required.value(command.channel(), "channel", "send a thank-you for interview " + interviewId);
        if (isThanked()) {
            throw new RuleViolation("thank-you-already-sent",
                    "Cannot send a thank-you for interview %s: one was sent at %s; an interview is thanked for once."
                            .formatted(interviewId, thankedAt));
        }
        if (!isHeld()) {
            throw new RuleViolation("interview-not-held",
                    "Cannot send a thank-you for interview %s: it is %s; a thank-you can be sent once the interview is held."
                            .formatted(interviewId, status));
        }
        apply(new ThankYouSent(command.contactId(), command.ownerId(), interviewId,
                command.channel(), command.note(), command.at()));
    }

    void cancel(CancelInterview command) {
        if (isCancelled()) {
            throw new RuleViolation("interview-already-cancelled",
                    "Cannot cancel interview %s: it is already CANCELLED; there is nothing left to call off."
                            .formatted(interviewId));
        }
        if (!isCancellable()) {
            throw outOfOrder("cancel", "an interview can be cancelled until it is held");
        }
        apply(new InterviewCancelled(command.contactId(), command.ownerId(), interviewId,
                command.reason(), command.at()));
    }

    private boolean isAwaitingResponse() {
        return status == REQUESTED;
    }

    private boolean isSchedulable() {
        return SCHEDULABLE.contains(status);
    }

    private boolean isBeforeTheMeeting() {
        return BEFORE_THE_MEETING.contains(status);
    }

    private boolean isHeld() {
        return status == HELD;
    }

    private boolean isThanked() {
        return status == THANKED;
    }

    private boolean isCancelled() {
        return status == CANCELLED;
    }

    private boolean isCancellable() {
        return CANCELLABLE.contains(status);
    }

    private RuleViolation outOfOrder(String verb, String allowed) {
        return new RuleViolation("interview-out-of-order",
                "Cannot %s interview %s: it is %s; %s.".formatted(verb, interviewId, status, allowed));
    }

    // Equal when in the same state: lets the aggregate test fixture prove that replaying the events
    // rebuilds exactly the interview that the command handling left behind.
    @Override
    public boolean equals(Object other) {
        return other instanceof Interview that
                && interviewId.equals(that.interviewId)
                && channel == that.channel
                && durationMinutes == that.durationMinutes
                && Objects.equals(purpose, that.purpose)
                && Objects.equals(message, that.message)
                && Objects.equals(requestedAt, that.requestedAt)
                && status == that.status
                && Objects.equals(thankedAt, that.thankedAt);
    }

    @Override
    public int hashCode() {
        return interviewId.hashCode();
    }

    @EventSourcingHandler
    void on(InterviewAccepted event) {
        status = ACCEPTED;
    }

    @EventSourcingHandler
    void on(InterviewDeclined event) {
        status = DECLINED;
    }

    @EventSourcingHandler
    void on(InterviewRequestUnanswered event) {
        status = NO_RESPONSE;
    }

    @EventSourcingHandler
    void on(InterviewScheduled event) {
        // Moving the date keeps the preparation: the questions still hold for the new day.
        status = status == PREPARED ? PREPARED : SCHEDULED;
    }

    @EventSourcingHandler
    void on(InterviewPrepared event) {
        status = PREPARED;
    }

    @EventSourcingHandler
    void on(InterviewHeld event) {
        status = HELD;
    }

    @EventSourcingHandler
    void on(ThankYouSent event) {
        status = THANKED;
        thankedAt = event.at();
    }

    @EventSourcingHandler
    void on(InterviewCancelled event) {
        status = CANCELLED;
    }
}
