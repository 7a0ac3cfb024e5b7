package app.rapport.events.contact;

import app.rapport.events.ContactEvent;

import java.time.Instant;
import java.util.UUID;

/** An archived contact was brought back into the active journal. */
public record ContactRestored(
        UUID contactId,
        String ownerId,
        Instant at) implements ContactEvent {
}
