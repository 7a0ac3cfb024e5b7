package app.rapport.events.contact;

import app.rapport.events.ContactEvent;
import app.rapport.events.Personal;
import app.rapport.values.EntryChanges;

import java.time.Instant;
import java.util.UUID;

/**
 * The networker corrected an entry recorded earlier; the entry's own event stays as it was, and
 * every view reads it with these values instead.
 *
 * @param entryId the identifier of the event corrected.
 * @param entryType the simple type name of that event, e.g. {@code InterviewHeld}.
 * @param interviewId the interview the entry belongs to, if it is an interview step.
 * @param followUpId the follow-up corrected, if it is a follow-up.
 * @param changes the corrected values; null fields keep what was recorded.
 * @param at when the correction was made.
 */
public record EntryCorrected(
        UUID contactId,
        String ownerId,
        String entryId,
        String entryType,
        UUID interviewId,
        UUID followUpId,
        EntryChanges changes,
        @Personal String reason,
        Instant at) implements ContactEvent {
}
