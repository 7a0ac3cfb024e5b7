package app.rapport.events.commitment;

import app.rapport.events.ContactEvent;
import app.rapport.events.Personal;

import java.time.Instant;
import java.util.UUID;

/** The networker gave up a promise made to a contact, and said why. */
public record CommitmentDropped(
        UUID contactId,
        String ownerId,
        UUID commitmentId,
        @Personal String reason,
        Instant at) implements ContactEvent {
}
