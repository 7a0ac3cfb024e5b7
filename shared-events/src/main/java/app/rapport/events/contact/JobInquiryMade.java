package app.rapport.events.contact;

import app.rapport.events.ContactEvent;
import app.rapport.events.Personal;

import java.time.Instant;
import java.util.UUID;

/**
 * The networker asked a contact about job openings.
 *
 * @param inquiryId the client-chosen id that makes the inquiry safe to retry; null on inquiries
 *        recorded before it existed, whose event id names them instead.
 * @param early true when asked before the relationship was established, which mentors review.
 */
public record JobInquiryMade(
        UUID contactId,
        String ownerId,
        UUID inquiryId,
        @Personal String note,
        boolean early,
        Instant at) implements ContactEvent {
}
