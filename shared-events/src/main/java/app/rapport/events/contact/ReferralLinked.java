package app.rapport.events.contact;

import app.rapport.events.ContactEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact referred the networker to someone who was already a contact of theirs.
 *
 * @param contactId the contact who made the referral.
 * @param referredContactId the existing contact, of the same journal, the referral was to.
 */
public record ReferralLinked(
        UUID contactId,
        String ownerId,
        UUID referredContactId,
        Instant at) implements ContactEvent {
}
