package app.rapport.events.contact;

import app.rapport.events.ContactEvent;

import java.time.Instant;
import java.util.UUID;

/** How often the networker means to stay in touch with a contact was set. */
public record FollowUpCadenceSet(
        UUID contactId,
        String ownerId,
        int days,
        Instant at) implements ContactEvent {
}
