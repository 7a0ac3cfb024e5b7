package app.rapport.commands.contact;

import app.rapport.values.ContactDetails;
import app.rapport.values.ContactSource;
import app.rapport.values.Provenance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Add a person to the journal under a client-chosen id, which makes a retry safe. */
public record AddContact(
        @TargetAggregateIdentifier UUID contactId,
        String ownerId,
        ContactDetails details,
        ContactSource source,
        Instant at,
        Provenance provenance) {

    /** A contact typed in, not imported. */
    public AddContact(UUID contactId, String ownerId, ContactDetails details, ContactSource source, Instant at) {
        this(contactId, ownerId, details, source, at, null);
    }
}
