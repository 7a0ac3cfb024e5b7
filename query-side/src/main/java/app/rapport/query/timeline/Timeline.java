package app.rapport.query.timeline;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.rapport.events.Personal;
import app.rapport.events.commitment.CommitmentDropped;
import app.rapport.events.commitment.CommitmentKept;
import app.rapport.events.commitment.CommitmentMade;
import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.ContactArchived;
import app.rapport.events.contact.ContactDetailsChanged;
import app.rapport.events.contact.ContactRestored;
import app.rapport.events.contact.EntryCorrected;
import app.rapport.events.contact.EntryRetracted;
import app.rapport.events.contact.FollowUpCadenceSet;
import app.rapport.events.contact.FollowUpLogged;
import app.rapport.events.contact.JobInquiryMade;
import app.rapport.events.contact.ReferralReceived;
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
import app.rapport.platform.PracticeSettings;
import app.rapport.query.support.AmendedHistory;
import app.rapport.query.support.EventSubject;
import app.rapport.values.Preferences;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

/**
 * The relationship timeline as a pure function of a contact's events. The projection folds each
 * event into the stored state as it arrives ({@link #next}); a correction or a retraction, which
 * changes entries before it, makes it fold the contact's stream again ({@link #fold}), and the
 * {@code asOf} view folds the events recorded by then. One function, so the live timeline and a
 * past one can never disagree on a summary or a flag. Flags that need earlier events (the
 * preferences, agreed minutes, when the interview was held) read them from the state.
 * <p>
 * The timeline is the history, so it keeps every entry: an entry corrected later shows the
 * corrected values, flagged {@link Flag#CORRECTED} with the corrections in its details; an entry
 * retracted later keeps its line, flagged {@link Flag#RETRACTED} (and nothing else: it no longer
 * counts), and changes nothing after it; the correction or retraction is an entry of its own.
 * Entries after a corrected one are judged by the corrected values.
 */
public final class Timeline {

    private static final ObjectMapper DETAILS = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };
    /** Already columns of the entry, or the same for every entry of the contact. */
    private static final Set<String> NOT_DETAILS = Set.of("contactId", "ownerId", "interviewId", "at");

    private Timeline() {
    }

    /** One stored event as the timeline needs it. */
    public record Recorded(String eventId, long sequence, Instant recordedAt, Object payload) {

        public static Recorded of(EventMessage<?> message, long sequence) {
            return new Recorded(message.getIdentifier(), sequence, micros(message.getTimestamp()), message.getPayload());
        }

        public static Recorded of(DomainEventMessage<?> message) {
            return of(message, message.getSequenceNumber());
        }
    }

    /** The state after an event, and the entry it adds (none for events not about a contact). */
    public record Step(TimelineState state, Optional<TimelineEntry> entry) {
    }

    /** A contact's timeline and the state after its last event. */
    public record Fold(TimelineState state, List<TimelineEntry> entries) {
    }

    public static final Comparator<TimelineEntry> ORDER =
            Comparator.comparing(TimelineEntry::at).thenComparingLong(TimelineEntry::sequence);

    /** The timeline of a contact's events, in the order of {@code at}, then of recording. */
    public static List<TimelineEntry> entriesFor(List<? extends DomainEventMessage<?>> events,
                                                 PracticeSettings practice) {
        return fold(events, practice).entries();
    }

    /**
     * Folds a contact's events (its stream, or the part of it recorded by a moment) with the
     * corrections and retractions among them applied.
     */
    public static Fold fold(List<? extends DomainEventMessage<?>> events, PracticeSettings practice) {
        AmendedHistory history = AmendedHistory.read(events);
        TimelineState state = TimelineState.EMPTY;
        List<TimelineEntry> entries = new ArrayList<>();
        for (DomainEventMessage<?> event : events) {
            Step step = next(state, Recorded.of(history.asItReads(event)), practice);
            Optional<DomainEventMessage<?>> retraction = history.retractionOf(event.getIdentifier());
            if (retraction.isPresent()) {
                step.entry().map(entry -> retracted(entry, retraction.get())).ifPresent(entries::add);
            } else {
                state = step.state();
                List<DomainEventMessage<?>> corrections = history.correctionsOf(event.getIdentifier());
                step.entry().map(entry -> corrections.isEmpty() ? entry : corrected(entry, corrections))
                        .ifPresent(entries::add);
            }
        }
        entries.sort(ORDER);
        return new Fold(state, List.copyOf(entries));
    }

    /**
     * Folds one event into the state and derives its entry, its flags judged by the practice's
     * windows. A correction or a retraction yields its own entry and leaves the state as it is:
     * what it changes is for {@link #fold} to apply.
     */
    public static Step next(TimelineState state, Recorded event, PracticeSettings practice) {
        Optional<EventSubject> subject = EventSubject.of(event.payload()).filter(EventSubject::aboutContact);
        if (subject.isEmpty()) {
            return new Step(state, Optional.empty());
        }
        Line line = line(state, event.payload(), practice);
        TimelineEntry entry = new TimelineEntry(event.eventId(), subject.get().ownerId(), subject.get().contactId(),
                event.sequence(), line.at == null ? event.recordedAt() : micros(line.at), event.recordedAt(),
                event.payload().getClass().getSimpleName(), line.summary, line.interviewId, details(event.payload()),
                List.copyOf(line.flags));
        return new Step(line.state, Optional.of(entry));
    }

    /** What one event says: a summary, its flags and the state after it. */
    private static final class Line {
        TimelineState state;
        Instant at;
        String summary;
        UUID interviewId;
        final EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);

        Line(TimelineState state, Instant at, String summary) {
            this.state = state;
            this.at = at;
            this.summary = summary;
        }

        Line about(UUID interview) {
            this.interviewId = interview;
            return this;
        }

        Line flag(boolean condition, Flag flag) {
            if (condition) {
                flags.add(flag);
            }
            return this;
        }

        Line then(TimelineState after) {
            this.state = after;
            return this;
        }
    }

    private static Line line(TimelineState state, Object payload, PracticeSettings practice) {
        if (payload instanceof ContactAdded e) {
            String organization = e.details() == null || e.details().organization() == null ? ""
                    : " of " + e.details().organization();
            return new Line(state, e.at(), "Added " + name(e.details()) + organization
                    + (e.referredBy() != null ? ", referred by another contact" : ""))
                    .then(state.describedBy(e.details()));
        }
        if (payload instanceof ContactDetailsChanged e) {
            return new Line(state, e.at(), "Updated the details of " + name(e.details()))
                    .then(state.describedBy(e.details()));
        }
        if (payload instanceof FollowUpCadenceSet e) {
            return new Line(state, e.at(), "Set to keep in touch every " + e.days() + " days");
        }
        if (payload instanceof ContactArchived e) {
            return new Line(state, e.at(), "Archived the contact");
        }
        if (payload instanceof ContactRestored e) {
            return new Line(state, e.at(), "Restored the contact");
        }
        if (payload instanceof FollowUpLogged e) {
            return new Line(state, e.at(), "Followed up by " + words(e.channel()) + " (" + words(e.kind()) + ")"
                    + (e.keeps().isEmpty() ? "" : ", keeping " + promises(e.keeps().size())));
        }
        if (payload instanceof CommitmentMade e) {
            return new Line(state, e.at(), "Promised: " + e.promise()
                    + (e.dueBy() == null ? "" : " (due by " + micros(e.dueBy()) + ")"))
                    .about(e.interviewId())
                    .then(state.withCommitment(e.commitmentId(),
                            new TimelineState.CommitmentFacts(e.promise(), e.interviewId(), e.dueBy())));
        }
        if (payload instanceof CommitmentKept e) {
            TimelineState.CommitmentFacts promise = state.commitment(e.commitmentId());
            boolean late = promise.dueBy() != null && e.at().isAfter(promise.dueBy());
            return new Line(state, e.at(), "Kept the promise" + promised(promise)
                    + (e.followUpId() == null ? "" : ", by a follow-up")
                    + (promise.dueBy() == null ? "" : late ? ", after it was due (" + micros(promise.dueBy()) + ")"
                            : ", in time"))
                    .about(promise.interviewId())
                    .flag(late, Flag.LATE_COMMITMENT);
        }
        if (payload instanceof CommitmentDropped e) {
            TimelineState.CommitmentFacts promise = state.commitment(e.commitmentId());
            return new Line(state, e.at(), "Dropped the promise" + promised(promise) + reason(e.reason()))
                    .about(promise.interviewId());
        }
        if (payload instanceof JobInquiryMade e) {
            return new Line(state, e.at(), "Asked about job openings"
                    + (e.early() ? " before the relationship was established" : ""))
                    .flag(e.early(), Flag.EARLY_JOB_INQUIRY);
        }
        if (payload instanceof ReferralReceived e) {
            return new Line(state, e.at(), referredTo(e.referredName()));
        }
        if (payload instanceof InterviewRequested e) {
            return new Line(state, e.at(), "Asked for a " + e.durationMinutes() + "-minute " + words(e.channel())
                    + " interview about " + e.purpose())
                    .about(e.interviewId())
                    .flag(Preferences.ignoresChannel(state.preferredChannel(), e.channel()),
                            Flag.IGNORED_PREFERRED_CHANNEL)
                    .then(state.withInterview(e.interviewId(),
                            TimelineState.InterviewFacts.requested(e.durationMinutes())));
        }
        if (payload instanceof InterviewAccepted e) {
            return answer(state, e.interviewId(), e.at(), "accepted");
        }
        if (payload instanceof InterviewDeclined e) {
            return answer(state, e.interviewId(), e.at(), "declined");
        }
        if (payload instanceof InterviewRequestUnanswered e) {
            return new Line(state, e.at(), "Gave up waiting for an answer to the request").about(e.interviewId())
                    .then(state.withInterview(e.interviewId(), state.interview(e.interviewId()).asMarkedUnanswered()));
        }
        if (payload instanceof NudgeSent e) {
            return new Line(state, e.at(), "Sent a nudge about the request by " + words(e.channel()))
                    .about(e.interviewId());
        }
        if (payload instanceof InterviewScheduled e) {
            return new Line(state, e.at(), "Scheduled the interview for " + micros(e.scheduledFor()) + " by "
                    + words(e.mode()) + (e.location() == null ? "" : " at " + e.location()))
                    .about(e.interviewId())
                    .flag(Preferences.ignoresChannel(state.preferredChannel(), e.mode()), Flag.IGNORED_PREFERRED_CHANNEL)
                    .flag(e.ignoresPreferredLocation(state.preferredLocation()),
                            Flag.IGNORED_PREFERRED_LOCATION);
        }
        if (payload instanceof InterviewPrepared e) {
            TimelineState.InterviewFacts facts = state.interview(e.interviewId());
            return new Line(state, e.at(), "Prepared " + e.questions().size() + " question"
                    + (e.questions().size() == 1 ? "" : "s")
                    + (e.researchNotes() == null || e.researchNotes().isBlank() ? "" : " and researched the contact"))
                    .about(e.interviewId())
                    .then(state.withInterview(e.interviewId(), facts.asPrepared()));
        }
        if (payload instanceof InterviewHeld e) {
            TimelineState.InterviewFacts facts = state.interview(e.interviewId());
            boolean overran = e.actualMinutes() > e.agreedMinutes();
            return new Line(state, e.at(), "Held a " + e.actualMinutes() + "-minute interview ("
                    + e.agreedMinutes() + " agreed)")
                    .about(e.interviewId())
                    .flag(overran, Flag.OVERRAN)
                    .flag(!facts.prepared(), Flag.UNPREPARED)
                    .then(state.withInterview(e.interviewId(), facts.heldOn(e.agreedMinutes(), e.at())));
        }
        if (payload instanceof ThankYouSent e) {
            Instant heldAt = state.interview(e.interviewId()).heldAt();
            return new Line(state, e.at(), "Sent a thank-you by " + words(e.channel()))
                    .about(e.interviewId())
                    .flag(heldAt != null && e.at().isAfter(heldAt.plus(practice.thankYouWithin())), Flag.LATE_THANK_YOU);
        }
        if (payload instanceof InterviewCancelled e) {
            return new Line(state, e.at(), "Cancelled the interview" + reason(e.reason()))
                    .about(e.interviewId());
        }
        if (payload instanceof EntryCorrected e) {
            return new Line(state, e.at(), "Corrected the " + entryWords(e.entryType()) + reason(e.reason()))
                    .about(e.interviewId());
        }
        if (payload instanceof EntryRetracted e) {
            return new Line(state, e.at(), "Retracted the " + entryWords(e.entryType()) + reason(e.reason()))
                    .about(e.interviewId());
        }
        // a contact event this version does not know yet: shown, not summarized
        return new Line(state, null, payload.getClass().getSimpleName());
    }

    /** An answer to a request, late when the networker had given up on one. */
    private static Line answer(TimelineState state, UUID interviewId, Instant at, String outcome) {
        boolean late = state.interview(interviewId).markedUnanswered();
        return new Line(state, at, "Interview request " + outcome + (late ? ", after it was marked unanswered" : ""))
                .about(interviewId)
                .flag(late, Flag.LATE_ANSWER);
    }

    /** The entry of an event retracted later: its line stays, flagged, with the retraction in its details. */
    private static TimelineEntry retracted(TimelineEntry entry, DomainEventMessage<?> retraction) {
        EntryRetracted retracted = (EntryRetracted) retraction.getPayload();
        Map<String, Object> details = new LinkedHashMap<>(entry.details());
        details.put("retraction", amendment(retraction.getIdentifier(), retracted.reason(), retracted.at(), null));
        return entry.amended(List.of(Flag.RETRACTED), details);
    }

    /** The entry of an event corrected later, already with the corrected values: flagged, with the corrections. */
    private static TimelineEntry corrected(TimelineEntry entry, List<DomainEventMessage<?>> corrections) {
        EnumSet<Flag> flags = EnumSet.of(Flag.CORRECTED);
        flags.addAll(entry.flags());
        List<Object> amendments = new ArrayList<>();
        for (DomainEventMessage<?> message : corrections) {
            EntryCorrected correction = (EntryCorrected) message.getPayload();
            amendments.add(amendment(message.getIdentifier(), correction.reason(), correction.at(),
                    correction.changes()));
        }
        Map<String, Object> details = new LinkedHashMap<>(entry.details());
        details.put("corrections", amendments);
        return entry.amended(List.copyOf(flags), details);
    }

    /** What amended an entry, as JSON values (so that the stored and the derived entries compare equal). */
    private static Map<String, Object> amendment(String entryId, String reason, Instant at, Object changes) {
        Map<String, Object> amendment = new LinkedHashMap<>();
        amendment.put("entryId", entryId);
        amendment.put("reason", reason);
        amendment.put("at", at == null ? null : micros(at).toString());
        if (changes != null) {
            Map<String, Object> changed = DETAILS.convertValue(changes, OBJECT);
            changed.values().removeIf(Objects::isNull);
            amendment.put("changes", changed);
        }
        return amendment;
    }

    private static Map<String, Object> details(Object payload) {
        Map<String, Object> all = DETAILS.convertValue(payload, OBJECT);
        all.keySet().removeAll(NOT_DETAILS);
        return all;
    }

    private static String promises(int count) {
        return count == 1 ? "a promise" : count + " promises";
    }

    private static String promised(TimelineState.CommitmentFacts promise) {
        return promise.promise() == null ? "" : " \"" + promise.promise() + "\"";
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "" : ": " + reason;
    }

    private static String name(app.rapport.values.ContactDetails details) {
        return details == null || details.name() == null ? "the contact" : details.name();
    }

    /** How an entry corrected or retracted is named in the summary of the correction or retraction. */
    private static String entryWords(String entryType) {
        return switch (entryType == null ? "" : entryType) {
            case "InterviewRequested" -> "interview request";
            case "InterviewAccepted" -> "acceptance of the request";
            case "InterviewDeclined" -> "refusal of the request";
            case "InterviewRequestUnanswered" -> "request marked unanswered";
            case "NudgeSent" -> "nudge";
            case "InterviewScheduled" -> "schedule";
            case "InterviewPrepared" -> "preparation";
            case "InterviewHeld" -> "held interview";
            case "ThankYouSent" -> "thank-you";
            case "InterviewCancelled" -> "cancellation";
            case "FollowUpLogged" -> "follow-up";
            case "JobInquiryMade" -> "job inquiry";
            case "CommitmentMade" -> "promise";
            case "CommitmentKept" -> "promise kept";
            case "CommitmentDropped" -> "promise dropped";
            default -> "entry";
        };
    }

    /** EMAIL → "email", SOCIAL_MESSAGE → "social message". */
    private static String words(Enum<?> value) {
        return value == null ? "an unknown channel" : value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** PostgreSQL keeps microseconds: the stored and the replayed timeline must compare equal. */
    static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A referrer's entry once the contact it names was forgotten: the referred person's name reads
     * as erased, in the summary and the details, as the entry reads when derived again from events
     * whose personal fields read as erased placeholders ({@link Personal#ERASED}).
     */
    static TimelineEntry withReferredNameErased(TimelineEntry entry) {
        Map<String, Object> details = new LinkedHashMap<>(entry.details());
        details.put("referredName", Personal.ERASED);
        return new TimelineEntry(entry.eventId(), entry.ownerId(), entry.contactId(), entry.sequence(), entry.at(),
                entry.recordedAt(), entry.type(), referredTo(Personal.ERASED), entry.interviewId(), details,
                entry.flags());
    }

    private static String referredTo(String name) {
        return "Was referred to " + name;
    }
}
