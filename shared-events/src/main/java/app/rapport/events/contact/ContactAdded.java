package app.rapport.events.contact;

import app.rapport.events.ContactEvent;
import app.rapport.values.ContactDetails;
import app.rapport.values.ContactSource;
import app.rapport.values.Provenance;

import java.time.Instant;
import java.util.UUID;

/**
 * A person was added to the networker's journal as a contact.
 *
 * @param referredBy the contact who referred this one, or null when not referred.
 * @param cadenceDays how many days may pass without a touch before a follow-up is due; 0 when the
 *        contact has no cadence of its own and the practice's keep-in-touch window applies.
 * @param provenance the import and row the contact came from; null when typed in or referred.
 */
public record ContactAdded(
        UUID contactId,
        String ownerId,
        ContactDetails details,
        ContactSource source,
        UUID referredBy,
        int cadenceDays,
        Instant at,
        Provenance provenance) implements ContactEvent {

    /** A contact typed in or referred, not imported. */
    public ContactAdded(UUID contactId, String ownerId, ContactDetails details, ContactSource source, UUID referredBy,
                        int cadenceDays, Instant at) {
        this(contactId, ownerId, details, source, referredBy, cadenceDays, at, null);
    }
}
