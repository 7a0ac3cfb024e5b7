package app.rapport.commands.contact;

import app.rapport.values.ContactDetails;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Correct or complete a contact's details; null fields are left as they are. */
public record ChangeContactDetails(
        @TargetAggregateIdentifier UUID contactId,
        String ownerId,
        ContactDetails changes,
        Instant at) {
}
