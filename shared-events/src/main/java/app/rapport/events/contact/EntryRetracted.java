package app.rapport.events.contact;

import app.rapport.events.ContactEvent;
import app.rapport.events.Personal;

import java.time.Instant;
import java.util.UUID;

/**
 * The networker withdrew an entry recorded by mistake: a follow-up, a job inquiry, a nudge, or the
 * latest step of an interview, which returns to the state it was in before that step. The entry's
 * own event stays in the history; every view reads the journal without it.
 *
 * @param entryId the identifier of the event retracted.
 * @param entryType the simple type name of that event, e.g. {@code FollowUpLogged}.
 * @param interviewId the interview the entry belongs to, if it is an interview step or a nudge.
 * @param followUpId the follow-up retracted, if it is a follow-up.
 * @param at when the retraction was made.
 */
public record EntryRetracted(
        UUID contactId,
        String ownerId,
        String entryId,
        String entryType,
        UUID interviewId,
        UUID followUpId,
        @Personal String reason,
        Instant at) implements ContactEvent {
}
