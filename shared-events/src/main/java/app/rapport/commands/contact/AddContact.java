package app.rapport.commands.contact;

import app.rapport.values.ContactDetails;
import app.rapport.values.ContactSource;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Add a person to the journal under a client-chosen id, which makes a retry safe. */
public record AddContact(
        @TargetAggregateIdentifier UUID contactId,
        String ownerId,
        ContactDetails details,
        ContactSource source,
        Instant at) {
}
