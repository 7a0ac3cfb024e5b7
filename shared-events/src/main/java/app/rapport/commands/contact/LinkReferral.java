package app.rapport.commands.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Record that a contact referred the networker to someone already in the journal.
 *
 * @param contactId the contact who made the referral.
 * @param referredContactId the contact, already in the same journal, they referred the networker to.
 */
public record LinkReferral(
        @TargetAggregateIdentifier UUID contactId,
        String ownerId,
        UUID referredContactId,
        Instant at) {
}
