package app.rapport.events;

import app.rapport.events.contact.FollowUpLogged;
import app.rapport.events.contact.JobInquiryMade;
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
import app.rapport.values.EntryChanges;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a correction means, written once for both sides: which fields each kind of entry has, and
 * the entry as it reads with corrected values. The aggregate uses it to refuse a field an entry
 * does not have and to check the corrected entry against the rules; the read models use it to
 * read the history with its corrections applied. {@code note} is the entry's free text (a
 * request's message, a cancellation's reason); {@code heldAt} is a held interview's {@code at}.
 */
public final class Corrections {

    public static final String AT = "at";
    public static final String HELD_AT = "heldAt";
    public static final String ACTUAL_MINUTES = "actualMinutes";
    public static final String NOTE = "note";
    public static final String NOTES = "notes";
    public static final String CHANNEL = "channel";

    private Corrections() {
    }

    /** The fields an entry of this event's type can have corrected; empty when it cannot be corrected. */
    public static Set<String> fieldsOf(Object event) {
        if (event instanceof InterviewHeld) {
            return Set.of(AT, HELD_AT, ACTUAL_MINUTES, NOTES);
        }
        if (event instanceof InterviewRequested || event instanceof ThankYouSent || event instanceof NudgeSent
                || event instanceof FollowUpLogged) {
            return Set.of(AT, CHANNEL, NOTE);
        }
        if (event instanceof InterviewScheduled) {
            return Set.of(AT, CHANNEL);
        }
        if (event instanceof InterviewAccepted || event instanceof InterviewDeclined
                || event instanceof InterviewRequestUnanswered || event instanceof InterviewCancelled
                || event instanceof JobInquiryMade) {
            return Set.of(AT, NOTE);
        }
        if (event instanceof InterviewPrepared) {
            return Set.of(AT);
        }
        return Set.of();
    }

    /** The fields these changes name, in a stable order. */
    public static Set<String> named(EntryChanges changes) {
        Set<String> named = new LinkedHashSet<>();
        if (changes.at() != null) {
            named.add(AT);
        }
        if (changes.heldAt() != null) {
            named.add(HELD_AT);
        }
        if (changes.actualMinutes() != null) {
            named.add(ACTUAL_MINUTES);
        }
        if (changes.note() != null) {
            named.add(NOTE);
        }
        if (changes.notes() != null) {
            named.add(NOTES);
        }
        if (changes.channel() != null) {
            named.add(CHANNEL);
        }
        return named;
    }

    /**
     * The event as it reads with the changes applied, or empty when the changes name a field the
     * event does not have (or give a held interview two different times).
     */
    public static Optional<Object> applied(Object event, EntryChanges changes) {
        if (!fieldsOf(event).containsAll(named(changes))) {
            return Optional.empty();
        }
        Instant at = changes.at();
        if (event instanceof InterviewHeld e) {
            if (at != null && changes.heldAt() != null && !at.equals(changes.heldAt())) {
                return Optional.empty();
            }
            Instant heldAt = changes.heldAt() != null ? changes.heldAt() : at;
            return Optional.of(new InterviewHeld(e.contactId(), e.ownerId(), e.interviewId(), e.agreedMinutes(),
                    pick(changes.actualMinutes(), e.actualMinutes()), pick(changes.notes(), e.notes()),
                    e.checklist(), pick(heldAt, e.at())));
        }
        if (event instanceof InterviewRequested e) {
            return Optional.of(new InterviewRequested(e.contactId(), e.ownerId(), e.interviewId(),
                    pick(changes.channel(), e.channel()), e.durationMinutes(), e.purpose(),
                    pick(changes.note(), e.message()), pick(at, e.at())));
        }
        if (event instanceof ThankYouSent e) {
            return Optional.of(new ThankYouSent(e.contactId(), e.ownerId(), e.interviewId(),
                    pick(changes.channel(), e.channel()), pick(changes.note(), e.note()), pick(at, e.at())));
        }
        if (event instanceof NudgeSent e) {
            return Optional.of(new NudgeSent(e.contactId(), e.ownerId(), e.interviewId(),
                    pick(changes.channel(), e.channel()), pick(changes.note(), e.note()), pick(at, e.at())));
        }
        if (event instanceof FollowUpLogged e) {
            return Optional.of(new FollowUpLogged(e.contactId(), e.ownerId(), e.followUpId(), e.kind(),
                    pick(changes.channel(), e.channel()), pick(changes.note(), e.note()), pick(at, e.at()),
                    e.keeps()));
        }
        if (event instanceof InterviewScheduled e) {
            return Optional.of(new InterviewScheduled(e.contactId(), e.ownerId(), e.interviewId(), e.scheduledFor(),
                    pick(changes.channel(), e.mode()), e.location(), pick(at, e.at()), e.awayFromPreferredPlace()));
        }
        if (event instanceof InterviewAccepted e) {
            return Optional.of(new InterviewAccepted(e.contactId(), e.ownerId(), e.interviewId(),
                    pick(changes.note(), e.note()), pick(at, e.at())));
        }
        if (event instanceof InterviewDeclined e) {
            return Optional.of(new InterviewDeclined(e.contactId(), e.ownerId(), e.interviewId(),
                    pick(changes.note(), e.note()), pick(at, e.at())));
        }
        if (event instanceof InterviewRequestUnanswered e) {
            return Optional.of(new InterviewRequestUnanswered(e.contactId(), e.ownerId(), e.interviewId(),
                    pick(changes.note(), e.note()), pick(at, e.at())));
        }
        if (event instanceof InterviewCancelled e) {
            return Optional.of(new InterviewCancelled(e.contactId(), e.ownerId(), e.interviewId(),
                    pick(changes.note(), e.reason()), pick(at, e.at())));
        }
        if (event instanceof JobInquiryMade e) {
            return Optional.of(new JobInquiryMade(e.contactId(), e.ownerId(), e.inquiryId(),
                    pick(changes.note(), e.note()), e.early(), pick(at, e.at())));
        }
        if (event instanceof InterviewPrepared e) {
            return Optional.of(new InterviewPrepared(e.contactId(), e.ownerId(), e.interviewId(), e.questions(),
                    e.researchNotes(), e.recordingPermissionAsked(), pick(at, e.at())));
        }
        return Optional.empty();
    }

    private static <T> T pick(T changed, T recorded) {
        return changed != null ? changed : recorded;
    }
}
