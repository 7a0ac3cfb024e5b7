package app.rapport.events.commitment;

import app.rapport.events.ContactEvent;
import app.rapport.events.Personal;

import java.time.Instant;
import java.util.UUID;

/**
 * The networker promised a contact something ("I'll send you the article", "I'll tell you how the
 * application went").
 *
 * @param commitmentId the client-chosen id, unique within the contact, that later keeps or drops it.
 * @param interviewId the interview in which the promise was made; null when made outside one.
 * @param dueBy when it should be kept; null for a promise without a date, which is never overdue.
 */
public record CommitmentMade(
        UUID contactId,
        String ownerId,
        UUID commitmentId,
        UUID interviewId,
        @Personal String promise,
        Instant dueBy,
        Instant at) implements ContactEvent {
}
