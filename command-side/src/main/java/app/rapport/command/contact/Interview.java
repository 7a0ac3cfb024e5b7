package app.rapport.command.contact;

import app.rapport.command.BusinessTime;
import app.rapport.command.RuleViolation;
import app.rapport.commands.contact.RetractEntry;
import app.rapport.commands.interview.CancelInterview;
import app.rapport.commands.interview.HoldInterview;
import app.rapport.commands.interview.PrepareInterview;
import app.rapport.commands.interview.RecordResponse;
import app.rapport.commands.interview.RequestInterview;
import app.rapport.commands.interview.ScheduleInterview;
import app.rapport.commands.interview.SendNudge;
import app.rapport.commands.interview.SendThankYou;
import app.rapport.events.ContactEvent;
import app.rapport.events.contact.EntryCorrected;
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
import app.rapport.values.InterviewChecklist;
import app.rapport.values.Preferences;
import app.rapport.values.ResponseOutcome;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.EntityId;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>The interview keeps its steps, each under its event's id and as it now reads (corrected, or
 * retracted), and its state is the fold of the steps that stand: retracting the latest step
 * returns it to the state before that step.
 */
class Interview {

    /** An interview that runs longer than a working day is a typing error, not an overrun. */
    static final int MIN_ACTUAL_MINUTES = 1;
    static final int MAX_ACTUAL_MINUTES = 480;

    private static final Set<InterviewStatus> SCHEDULABLE = EnumSet.of(ACCEPTED, SCHEDULED, PREPARED);
    private static final Set<InterviewStatus> BEFORE_THE_MEETING = EnumSet.of(SCHEDULED, PREPARED);
    private static final Set<InterviewStatus> CANCELLABLE = EnumSet.of(REQUESTED, ACCEPTED, SCHEDULED, PREPARED);
    private static final Set<InterviewStatus> UNANSWERED = EnumSet.of(REQUESTED, NO_RESPONSE);

    /**
     * The step each step follows, which it may not be dated before: an answer, a nudge or a
     * cancellation follows the request; everything towards the meeting follows the acceptance
     * (a preparation too: research may come before a date is fixed, but not before a yes); the
     * thank-you follows the hold.
     */
    private static final Map<Class<?>, Class<?>> FOLLOWS = Map.of(
            InterviewAccepted.class, InterviewRequested.class,
            InterviewDeclined.class, InterviewRequested.class,
            InterviewRequestUnanswered.class, InterviewRequested.class,
            InterviewCancelled.class, InterviewRequested.class,
            NudgeSent.class, InterviewRequested.class,
            InterviewScheduled.class, InterviewAccepted.class,
            InterviewPrepared.class, InterviewAccepted.class,
            InterviewHeld.class, InterviewAccepted.class,
            ThankYouSent.class, InterviewHeld.class);

    private static final Map<Class<?>, String> STEP_NAMES = Map.of(
            InterviewRequested.class, "request",
            InterviewAccepted.class, "acceptance",
            InterviewDeclined.class, "decline",
            InterviewRequestUnanswered.class, "no-response mark",
            InterviewScheduled.class, "schedule",
            InterviewPrepared.class, "preparation",
            InterviewHeld.class, "hold",
            ThankYouSent.class, "thank-you",
            InterviewCancelled.class, "cancellation",
            NudgeSent.class, "nudge");

    @EntityId
    private final UUID interviewId;
    // As first recorded, whatever corrections say since: a retry repeats the original request.
    private final InterviewRequested asRequested;
    // In the order recorded, which the lifecycle folds over; the request is the first.
    private final Map<String, Entry> steps = new LinkedHashMap<>();

    Interview(InterviewRequested requested, String entryId) {
        this.interviewId = requested.interviewId();
        this.asRequested = requested;
        steps.put(entryId, Entry.recorded(requested));
    }

    /** A request repeated with the same id and the same words, as a client does when an answer was lost. */
    boolean isRetryOf(RequestInterview command) {
        return asRequested.channel() == command.channel()
                && asRequested.durationMinutes() == command.durationMinutes()
                && Objects.equals(asRequested.purpose(), command.purpose())
                && Objects.equals(asRequested.message(), command.message());
    }

    /** When the thank-you that stands went out, if one does: the start of the relationship's next phase. */
    Optional<Instant> thankedAt() {
        return lastStanding(ThankYouSent.class).map(ContactEvent::at);
    }

    /** This interview's step or nudge recorded under the event id, if it is one of them. */
    Optional<Entry> entry(String entryId) {
        return Optional.ofNullable(steps.get(entryId));
    }

    UUID interviewId() {
        return interviewId;
    }

    void recordResponse(RecordResponse command) {
        String asked = "record a response to interview " + interviewId;
        Required.value(command.outcome(), "outcome", asked);
        if (isCancelled()) {
            throw outOfOrder("record a response to", "a response can be recorded while the request is open");
        }
        if (!isAwaitingResponse(command.outcome())) {
            throw new RuleViolation("response-already-recorded",
                    ("Cannot record a response to interview %s: it is %s; a request gets one response, and one "
                            + "marked NO_RESPONSE may still be answered ACCEPTED or DECLINED.")
                            .formatted(interviewId, status()));
        }
        ContactEvent response = switch (command.outcome()) {
            case ACCEPTED -> new InterviewAccepted(
                    command.contactId(), command.ownerId(), interviewId, command.note(), command.at());
            case DECLINED -> new InterviewDeclined(
                    command.contactId(), command.ownerId(), interviewId, command.note(), command.at());
            case NO_RESPONSE -> new InterviewRequestUnanswered(
                    command.contactId(), command.ownerId(), interviewId, command.note(), command.at());
        };
        requireInOrder(withAppended(response), response, asked);
        apply(response);
    }

    /** @param preferredLocation the contact's preferred place now, which the schedule is judged against */
    void schedule(ScheduleInterview command, String preferredLocation) {
        String asked = "schedule interview " + interviewId;
        Required.value(command.scheduledFor(), "scheduled time", asked);
        Required.value(command.mode(), "mode", asked);
        if (!isSchedulable()) {
            throw outOfOrder("schedule", "an interview can be scheduled once accepted and moved until it is held");
        }
        InterviewScheduled scheduled = new InterviewScheduled(command.contactId(), command.ownerId(), interviewId,
                command.scheduledFor(), command.mode(), command.location(), command.at(),
                Preferences.ignoresLocation(preferredLocation, command.location()));
        requireInOrder(withAppended(scheduled), scheduled, asked);
        apply(scheduled);
    }

    void prepare(PrepareInterview command) {
        String asked = "prepare interview " + interviewId;
        if (command.questions().isEmpty()) {
            throw new RuleViolation("required-value-missing",
                    "Cannot prepare interview %s: no questions were given; preparing means writing at least one."
                            .formatted(interviewId));
        }
        if (!isBeforeTheMeeting()) {
            throw outOfOrder("prepare", "an interview can be prepared once scheduled and until it is held");
        }
        InterviewPrepared prepared = new InterviewPrepared(command.contactId(), command.ownerId(), interviewId,
                command.questions(), command.researchNotes(), command.recordingPermissionAsked(), command.at());
        requireInOrder(withAppended(prepared), prepared, asked);
        apply(prepared);
    }

    void hold(HoldInterview command, Clock clock) {
        String asked = "hold interview " + interviewId;
        BusinessTime.requireNotInFuture(command.heldAt(), clock, asked);
        if (!isBeforeTheMeeting()) {
            throw outOfOrder("hold", "an interview can be held once scheduled");
        }
        // No checklist means none of the courtesies was ticked, not that the question was skipped.
        InterviewChecklist checklist = command.checklist() != null
                ? command.checklist()
                : new InterviewChecklist(false, false, false, false);
        InterviewHeld held = new InterviewHeld(command.contactId(), command.ownerId(), interviewId,
                asRequested.durationMinutes(), command.actualMinutes(), command.notes(), checklist, command.heldAt());
        requireInOrder(withAppended(held), held, asked);
        requireActualMinutesInRange(command.actualMinutes(), asked);
        apply(held);
    }

    void sendThankYou(SendThankYou command) {
        String asked = "send a thank-you for interview " + interviewId;
        Required.value(command.channel(), "channel", asked);
        if (isThanked()) {
            throw new RuleViolation("thank-you-already-sent",
                    "Cannot send a thank-you for interview %s: one was sent at %s; an interview is thanked for once."
                            .formatted(interviewId, thankedAt().orElseThrow()));
        }
        if (!isHeld()) {
            throw new RuleViolation("interview-not-held",
                    "Cannot send a thank-you for interview %s: it is %s; a thank-you can be sent once the interview is held."
                            .formatted(interviewId, status()));
        }
        ThankYouSent thanked = new ThankYouSent(command.contactId(), command.ownerId(), interviewId,
                command.channel(), command.note(), command.at());
        requireInOrder(withAppended(thanked), thanked, asked);
        apply(thanked);
    }

    void cancel(CancelInterview command) {
        String asked = "cancel interview " + interviewId;
        if (isCancelled()) {
            throw new RuleViolation("interview-already-cancelled",
                    "Cannot cancel interview %s: it is already CANCELLED; there is nothing left to call off."
                            .formatted(interviewId));
        }
        if (!isCancellable()) {
            throw outOfOrder("cancel", "an interview can be cancelled until it is held");
        }
        InterviewCancelled cancelled = new InterviewCancelled(command.contactId(), command.ownerId(), interviewId,
                command.reason(), command.at());
        requireInOrder(withAppended(cancelled), cancelled, asked);
        apply(cancelled);
    }

    void sendNudge(SendNudge command) {
        String asked = "send a nudge for interview " + interviewId;
        Required.value(command.channel(), "channel", asked);
        Optional<ContactEvent> earlier = lastStanding(NudgeSent.class);
        if (earlier.isPresent()) {
            throw new RuleViolation("nudge-already-sent",
                    "Cannot send a nudge for interview %s: one was sent at %s; an unanswered request gets one nudge."
                            .formatted(interviewId, earlier.get().at()));
        }
        if (!isUnanswered()) {
            throw outOfOrder("send a nudge for",
                    "a nudge can be sent while the request is unanswered (REQUESTED or NO_RESPONSE)");
        }
        NudgeSent nudge = new NudgeSent(command.contactId(), command.ownerId(), interviewId, command.channel(),
                command.note(), command.at());
        requireInOrder(withAppended(nudge), nudge, asked);
        apply(nudge);
    }

    /**
     * Checks a corrected step against the rules its own command obeys, beyond what the contact
     * checks (the time not ahead of now, the request not before the contact was added): the order
     * of the steps, both ways, and a hold's actual minutes.
     */
    void requireCorrectionAllowed(String entryId, ContactEvent corrected, String asked) {
        List<ContactEvent> chain = new ArrayList<>();
        steps.forEach((id, step) -> {
            if (step.stands()) {
                chain.add(id.equals(entryId) ? corrected : step.event());
            }
        });
        requireInOrder(chain, corrected, asked);
        if (corrected instanceof InterviewHeld held) {
            requireActualMinutesInRange(held.actualMinutes(), asked);
        }
    }

    /**
     * Retracts a nudge, or the latest step, which returns the interview to the state before it;
     * retracting what is already retracted is accepted and changes nothing.
     */
    void retract(RetractEntry command, String asked) {
        Entry step = steps.get(command.entryId());
        if (step.retracted()) {
            return;
        }
        if (step.event() instanceof InterviewRequested) {
            throw Entry.notRetractable(asked, "it is the request of interview " + interviewId
                    + " itself; cancel the interview instead");
        }
        if (!(step.event() instanceof NudgeSent) && !command.entryId().equals(latestStepId())) {
            throw Entry.notRetractable(asked, "it is the %s of interview %s, which is not its latest step (the %s)"
                    .formatted(nameOf(step.event()), interviewId, nameOf(steps.get(latestStepId()).event())));
        }
        apply(new EntryRetracted(command.contactId(), command.ownerId(), command.entryId(), step.type(), interviewId,
                null, command.reason(), command.at()));
    }

    private static void requireActualMinutesInRange(int actualMinutes, String asked) {
        if (actualMinutes < MIN_ACTUAL_MINUTES || actualMinutes > MAX_ACTUAL_MINUTES) {
            throw new RuleViolation("actual-minutes-out-of-range",
                    "Cannot %s for %d minutes: an interview lasts from %d to %d minutes."
                            .formatted(asked, actualMinutes, MIN_ACTUAL_MINUTES, MAX_ACTUAL_MINUTES));
        }
    }

    /**
     * Refuses the chain when the changed step comes before the step it follows, or a step that
     * follows it comes before it. Other pairs are left alone: history recorded before this rule
     * is not held against a new step.
     */
    private static void requireInOrder(List<ContactEvent> chain, ContactEvent changed, String asked) {
        for (int i = 0; i < chain.size(); i++) {
            ContactEvent step = chain.get(i);
            ContactEvent previous = stepFollowed(step, chain.subList(0, i));
            if (previous != null && (step == changed || previous == changed) && step.at().isBefore(previous.at())) {
                throw new RuleViolation("before-previous-step",
                        "Cannot %s: the %s (%s) would come before the %s it follows (%s); no step is dated before the step it follows."
                                .formatted(asked, nameOf(step), step.at(), nameOf(previous), previous.at()));
            }
        }
    }

    /** The latest of the earlier steps of the kind this step follows, or null for the request. */
    private static ContactEvent stepFollowed(ContactEvent step, List<ContactEvent> earlier) {
        Class<?> follows = FOLLOWS.get(step.getClass());
        for (int i = earlier.size() - 1; i >= 0 && follows != null; i--) {
            if (follows.isInstance(earlier.get(i))) {
                return earlier.get(i);
            }
        }
        return null;
    }

    private static String nameOf(ContactEvent step) {
        return STEP_NAMES.getOrDefault(step.getClass(), step.getClass().getSimpleName());
    }

    private List<ContactEvent> withAppended(ContactEvent next) {
        List<ContactEvent> chain = standing();
        chain.add(next);
        return chain;
    }

    private List<ContactEvent> standing() {
        List<ContactEvent> standing = new ArrayList<>();
        steps.values().stream().filter(Entry::stands).forEach(step -> standing.add(step.event()));
        return standing;
    }

    private Optional<ContactEvent> lastStanding(Class<? extends ContactEvent> type) {
        List<ContactEvent> standing = standing();
        for (int i = standing.size() - 1; i >= 0; i--) {
            if (type.isInstance(standing.get(i))) {
                return Optional.of(standing.get(i));
            }
        }
        return Optional.empty();
    }

    /** The id of the newest step that stands and moved the lifecycle; nudges do not. */
    private String latestStepId() {
        String latest = null;
        for (Map.Entry<String, Entry> step : steps.entrySet()) {
            if (step.getValue().stands() && !(step.getValue().event() instanceof NudgeSent)) {
                latest = step.getKey();
            }
        }
        return latest;
    }

    /** Where the steps that stand have brought the interview. */
    private InterviewStatus status() {
        InterviewStatus status = REQUESTED;
        for (ContactEvent step : standing()) {
            status = after(status, step);
        }
        return status;
    }

    private static InterviewStatus after(InterviewStatus status, ContactEvent step) {
        if (step instanceof InterviewAccepted) {
            return ACCEPTED;
        }
        if (step instanceof InterviewDeclined) {
            return DECLINED;
        }
        if (step instanceof InterviewRequestUnanswered) {
            return NO_RESPONSE;
        }
        if (step instanceof InterviewScheduled) {
            // Moving the date keeps the preparation: the questions still hold for the new day.
            return status == PREPARED ? PREPARED : SCHEDULED;
        }
        if (step instanceof InterviewPrepared) {
            return PREPARED;
        }
        if (step instanceof InterviewHeld) {
            return HELD;
        }
        if (step instanceof ThankYouSent) {
            return THANKED;
        }
        if (step instanceof InterviewCancelled) {
            return CANCELLED;
        }
        // the request, and nudges, which leave the lifecycle where it is
        return status;
    }

    // A request marked NO_RESPONSE may still be answered late, but not marked unanswered twice.
    private boolean isAwaitingResponse(ResponseOutcome outcome) {
        InterviewStatus status = status();
        return status == REQUESTED || status == NO_RESPONSE && outcome != ResponseOutcome.NO_RESPONSE;
    }

    private boolean isUnanswered() {
        return UNANSWERED.contains(status());
    }

    private boolean isSchedulable() {
        return SCHEDULABLE.contains(status());
    }

    private boolean isBeforeTheMeeting() {
        return BEFORE_THE_MEETING.contains(status());
    }

    private boolean isHeld() {
        return status() == HELD;
    }

    private boolean isThanked() {
        return status() == THANKED;
    }

    private boolean isCancelled() {
        return status() == CANCELLED;
    }

    private boolean isCancellable() {
        return CANCELLABLE.contains(status());
    }

    private RuleViolation outOfOrder(String verb, String allowed) {
        return new RuleViolation("interview-out-of-order",
                "Cannot %s interview %s: it is %s; %s.".formatted(verb, interviewId, status(), allowed));
    }

    // Equal when in the same state: lets the aggregate test fixture prove that replaying the events
    // rebuilds exactly the interview that the command handling left behind, steps and ids included.
    @Override
    public boolean equals(Object other) {
        return other instanceof Interview that
                && interviewId.equals(that.interviewId)
                && asRequested.equals(that.asRequested)
                && steps.equals(that.steps)
                && List.copyOf(steps.keySet()).equals(List.copyOf(that.steps.keySet()));
    }

    @Override
    public int hashCode() {
        return interviewId.hashCode();
    }

    @EventSourcingHandler
    void on(InterviewAccepted event, @MessageIdentifier String entryId) {
        steps.put(entryId, Entry.recorded(event));
    }

    @EventSourcingHandler
    void on(InterviewDeclined event, @MessageIdentifier String entryId) {
        steps.put(entryId, Entry.recorded(event));
    }

    @EventSourcingHandler
    void on(InterviewRequestUnanswered event, @MessageIdentifier String entryId) {
        steps.put(entryId, Entry.recorded(event));
    }

    @EventSourcingHandler
    void on(InterviewScheduled event, @MessageIdentifier String entryId) {
        steps.put(entryId, Entry.recorded(event));
    }

    @EventSourcingHandler
    void on(InterviewPrepared event, @MessageIdentifier String entryId) {
        steps.put(entryId, Entry.recorded(event));
    }

    @EventSourcingHandler
    void on(InterviewHeld event, @MessageIdentifier String entryId) {
        steps.put(entryId, Entry.recorded(event));
    }

    @EventSourcingHandler
    void on(ThankYouSent event, @MessageIdentifier String entryId) {
        steps.put(entryId, Entry.recorded(event));
    }

    @EventSourcingHandler
    void on(InterviewCancelled event, @MessageIdentifier String entryId) {
        steps.put(entryId, Entry.recorded(event));
    }

    @EventSourcingHandler
    void on(NudgeSent event, @MessageIdentifier String entryId) {
        steps.put(entryId, Entry.recorded(event));
    }

    @EventSourcingHandler
    void on(EntryCorrected event) {
        steps.computeIfPresent(event.entryId(), (id, step) -> step.correctedBy(event.changes()));
    }

    @EventSourcingHandler
    void on(EntryRetracted event) {
        steps.computeIfPresent(event.entryId(), (id, step) -> step.asRetracted());
    }
}
