package app.rapport.query.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import app.rapport.events.contact.FollowUpLogged;
import app.rapport.events.contact.JobInquiryMade;
import app.rapport.events.interview.InterviewAccepted;
import app.rapport.events.interview.InterviewDeclined;
import app.rapport.events.interview.InterviewHeld;
import app.rapport.events.interview.InterviewRequested;
import app.rapport.events.interview.NudgeSent;
import app.rapport.events.interview.ThankYouSent;

/**
 * Keeping in touch, one rule for every view that shows it (the contact list's {@code lastTouchAt}
 * and {@code nextFollowUpDue}, the overdue view's {@code KEEP_IN_TOUCH} item).
 * <p>
 * A <b>touch</b> is an exchange with the contact: a request, an answer to it (accepted or
 * declined), a held interview, a thank-you, a nudge, a follow-up, a job inquiry. What the
 * networker does in the journal alone is not: giving up on a request, scheduling, preparing,
 * cancelling, editing details, setting a cadence, archiving, restoring, recording a referral,
 * correcting or retracting an entry. Touches only move forward: one logged late, dated before the
 * last touch, does not pull it back.
 * <p>
 * A touch is <b>owed</b> once the contact has been thanked for an interview at least once, while
 * it is not archived: at its last touch plus its own cadence, or
 * {@code rapport.practice.keep-in-touch} when it has none.
 */
public final class KeepingInTouch {

    private KeepingInTouch() {
    }

    /** When the event touched its contact (its {@code at}); empty for an event that is not a touch. */
    public static Optional<Instant> touchOf(Object event) {
        if (event instanceof InterviewRequested e) {
            return Optional.of(e.at());
        }
        if (event instanceof InterviewAccepted e) {
            return Optional.of(e.at());
        }
        if (event instanceof InterviewDeclined e) {
            return Optional.of(e.at());
        }
        if (event instanceof InterviewHeld e) {
            return Optional.of(e.at());
        }
        if (event instanceof ThankYouSent e) {
            return Optional.of(e.at());
        }
        if (event instanceof NudgeSent e) {
            return Optional.of(e.at());
        }
        if (event instanceof FollowUpLogged e) {
            return Optional.of(e.at());
        }
        if (event instanceof JobInquiryMade e) {
            return Optional.of(e.at());
        }
        return Optional.empty();
    }

    /** The last touch after {@code event}: moved forward by a touch, never back. */
    public static Instant lastTouchAfter(Instant lastTouchAt, Object event) {
        return touchOf(event).filter(at -> lastTouchAt == null || at.isAfter(lastTouchAt)).orElse(lastTouchAt);
    }

    /**
     * When the next touch is owed, or null when none is: never thanked, archived, or never touched.
     *
     * @param cadence the contact's own cadence, or the practice's when it has none
     */
    public static Instant nextTouchDue(boolean thanked, boolean archived, Instant lastTouchAt, Duration cadence) {
        return thanked && !archived && lastTouchAt != null ? lastTouchAt.plus(cadence) : null;
    }
}
