package app.rapport.command.contact;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code POST /api/contacts/{id}/referrals/links}: the contact, already in the journal,
 * that the contact of the path referred the networker to, and when.
 */
record LinkReferralRequest(@NotNull UUID referredContactId, Instant at) {
}
