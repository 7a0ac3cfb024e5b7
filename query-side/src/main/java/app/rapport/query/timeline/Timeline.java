package app.rapport.query.timeline;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.ContactArchived;
import app.rapport.events.contact.ContactDetailsChanged;
import app.rapport.events.contact.ContactRestored;
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
import app.rapport.events.interview.ThankYouSent;
import app.rapport.platform.PracticeSettings;
import app.rapport.query.support.EventSubject;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

/**
 * The relationship timeline as a pure function of a contact's events: the projection folds each
 * event into the stored state as it arrives ({@link #next}), and the {@code asOf} view folds the
 * events recorded by then ({@link #entriesFor}). One function, so the live timeline and a past
 * one can never disagree on a summary or a flag. Flags that need earlier events (the preferred
 * channel, agreed minutes, when the interview was held) read them from the state.
 */
public final class Timeline {

    private static final ObjectMapper DETAILS = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
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

    /** The timeline of a contact's events, in the order of {@code at}, then of recording. */
    public static List<TimelineEntry> entriesFor(List<? extends DomainEventMessage<?>> events,
                                                 PracticeSettings practice) {
        TimelineState state = TimelineState.EMPTY;
        List<TimelineEntry> entries = new ArrayList<>();
        for (DomainEventMessage<?> event : events) {
            Step step = next(state, Recorded.of(event), practice);
            state = step.state();
            step.entry().ifPresent(entries::add);
        }
        entries.sort(ORDER);
        return entries;
    }

    public static final Comparator<TimelineEntry> ORDER =
            Comparator.comparing(TimelineEntry::at).thenComparingLong(TimelineEntry::sequence);

    /** Folds one event into the state and derives its entry, its flags judged by the practice's windows. */
    public static Step next(TimelineState state, Recorded event, PracticeSettings practice) {
        Optional<EventSubject> subject = EventSubject.of(event.payload()).filter(EventSubject::aboutContact);
        if (subject.isEmpty()) {
            return new Step(state, Optional.empty());
        }
        Line line = line(state, event.payload(), practice);
        TimelineEntry entry = new TimelineEntry(event.eventId(), subject.get().ownerId(), subject.get().contactId(),
                event.sequence(), line.at == null ? event.recordedAt() : micros(line.at), event.recordedAt(), event.payload().getClass().getSimpleName(),
                line.summary, line.interviewId, details(event.payload()), List.copyOf(line.flags));
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
                    .then(state.withPreferredChannel(e.details() == null ? null : e.details().preferredChannel()));
        }
        if (payload instanceof ContactDetailsChanged e) {
            return new Line(state, e.at(), "Updated the details of " + name(e.details()))
                    .then(state.withPreferredChannel(e.details() == null ? null : e.details().preferredChannel()));
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
            return new Line(state, e.at(), "Followed up by " + words(e.channel()) + " (" + words(e.kind()) + ")");
        }
        if (payload instanceof JobInquiryMade e) {
            return new Line(state, e.at(), "Asked about job openings"
                    + (e.early() ? " before the relationship was established" : ""))
                    .flag(e.early(), Flag.EARLY_JOB_INQUIRY);
        }
        if (payload instanceof ReferralReceived e) {
            return new Line(state, e.at(), "Was referred to " + e.referredName());
        }
        if (payload instanceof InterviewRequested e) {
            return new Line(state, e.at(), "Asked for a " + e.durationMinutes() + "-minute " + words(e.channel())
                    + " interview about " + e.purpose())
                    .about(e.interviewId())
                    .flag(state.preferredChannel() != null && e.channel() != state.preferredChannel(),
                            Flag.IGNORED_PREFERRED_CHANNEL)
                    .then(state.withInterview(e.interviewId(),
                            new TimelineState.InterviewFacts(e.durationMinutes(), false, null)));
        }
        if (payload instanceof InterviewAccepted e) {
            return new Line(state, e.at(), "Interview request accepted").about(e.interviewId());
        }
        if (payload instanceof InterviewDeclined e) {
            return new Line(state, e.at(), "Interview request declined").about(e.interviewId());
        }
        if (payload instanceof InterviewRequestUnanswered e) {
            return new Line(state, e.at(), "Gave up waiting for an answer to the request").about(e.interviewId());
        }
        if (payload instanceof InterviewScheduled e) {
            return new Line(state, e.at(), "Scheduled the interview for " + micros(e.scheduledFor()) + " by "
                    + words(e.mode()) + (e.location() == null ? "" : " at " + e.location()))
                    .about(e.interviewId());
        }
        if (payload instanceof InterviewPrepared e) {
            TimelineState.InterviewFacts facts = state.interview(e.interviewId());
            return new Line(state, e.at(), "Prepared " + e.questions().size() + " question"
                    + (e.questions().size() == 1 ? "" : "s")
                    + (e.researchNotes() == null || e.researchNotes().isBlank() ? "" : " and researched the contact"))
                    .about(e.interviewId())
                    .then(state.withInterview(e.interviewId(),
                            new TimelineState.InterviewFacts(facts.agreedMinutes(), true, facts.heldAt())));
        }
        if (payload instanceof InterviewHeld e) {
            TimelineState.InterviewFacts facts = state.interview(e.interviewId());
            boolean overran = e.actualMinutes() > e.agreedMinutes();
            return new Line(state, e.at(), "Held a " + e.actualMinutes() + "-minute interview ("
                    + e.agreedMinutes() + " agreed)")
                    .about(e.interviewId())
                    .flag(overran, Flag.OVERRAN)
                    .flag(!facts.prepared(), Flag.UNPREPARED)
                    .then(state.withInterview(e.interviewId(),
                            new TimelineState.InterviewFacts(e.agreedMinutes(), facts.prepared(), e.at())));
        }
        if (payload instanceof ThankYouSent e) {
            Instant heldAt = state.interview(e.interviewId()).heldAt();
            return new Line(state, e.at(), "Sent a thank-you by " + words(e.channel()))
                    .about(e.interviewId())
                    .flag(heldAt != null && e.at().isAfter(heldAt.plus(practice.thankYouWithin())), Flag.LATE_THANK_YOU);
        }
        if (payload instanceof InterviewCancelled e) {
            return new Line(state, e.at(), "Cancelled the interview"
                    + (e.reason() == null || e.reason().isBlank() ? "" : ": " + e.reason()))
                    .about(e.interviewId());
        }
        // a contact event this version does not know yet: shown, not summarized
        return new Line(state, null, payload.getClass().getSimpleName());
    }

    private static Map<String, Object> details(Object payload) {
        Map<String, Object> all = DETAILS.convertValue(payload, new TypeReference<LinkedHashMap<String, Object>>() {
        });
        all.keySet().removeAll(NOT_DETAILS);
        return all;
    }

    private static String name(app.rapport.values.ContactDetails details) {
        return details == null || details.name() == null ? "the contact" : details.name();
    }

    /** EMAIL → "email", SOCIAL_MESSAGE → "social message". */
    private static String words(Enum<?> value) {
        return value == null ? "an unknown channel" : value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** PostgreSQL keeps microseconds: the stored and the replayed timeline must compare equal. */
    static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

}
