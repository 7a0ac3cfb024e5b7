package app.rapport.events.contact;

import app.rapport.events.ContactEvent;
import app.rapport.values.ContactDetails;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact's details were corrected or completed.
 *
 * @param details the full details after the change, not only the changed fields.
 */
public record ContactDetailsChanged(
        UUID contactId,
        String ownerId,
        ContactDetails details,
        Instant at) implements ContactEvent {
}
