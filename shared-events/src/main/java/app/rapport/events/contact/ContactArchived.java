package app.rapport.events.contact;

import app.rapport.events.ContactEvent;

import java.time.Instant;
import java.util.UUID;

/** A contact was put aside: the journal keeps them but refuses changes until restored. */
public record ContactArchived(
        UUID contactId,
        String ownerId,
        Instant at) implements ContactEvent {
}
