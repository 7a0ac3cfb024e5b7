package app.rapport.events.contact;

import app.rapport.events.ContactEvent;
import app.rapport.events.Personal;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact referred the networker to someone else, who became a new contact.
 *
 * @param contactId the contact who made the referral.
 * @param referredContactId the new contact created for the person referred.
 */
public record ReferralReceived(
        UUID contactId,
        String ownerId,
        UUID referredContactId,
        @Personal(subject = "referredContactId") String referredName,
        Instant at) implements ContactEvent {
}
