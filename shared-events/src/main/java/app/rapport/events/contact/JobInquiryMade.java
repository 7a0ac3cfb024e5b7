package app.rapport.events.contact;

import app.rapport.events.ContactEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * The networker asked a contact about job openings.
 *
 * @param early true when asked before the relationship was established, which mentors review.
 */
public record JobInquiryMade(
        UUID contactId,
        String ownerId,
        String note,
        boolean early,
        Instant at) implements ContactEvent {
}
