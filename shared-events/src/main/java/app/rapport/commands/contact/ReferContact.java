package app.rapport.commands.contact;

import app.rapport.values.ContactDetails;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Record that a contact referred the networker to someone, adding that person as a new contact.
 *
 * @param contactId the contact who made the referral.
 * @param referredContactId the client-chosen id of the new contact.
 * @param details who the referred person is.
 */
public record ReferContact(
        @TargetAggregateIdentifier UUID contactId,
        String ownerId,
        UUID referredContactId,
        ContactDetails details,
        Instant at) {
}
