package app.rapport.events.contact;

import app.rapport.events.ContactEvent;
import app.rapport.events.Personal;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact was forgotten: their key is deleted, so the personal data of every earlier event of
 * theirs reads as erased, and every view drops or blanks it; the facts without personal data
 * (stages, channels, times, counts) stay.
 *
 * @param reason why, in the networker's words: the networker's data, not the contact's.
 */
public record ContactErased(
        UUID contactId,
        String ownerId,
        @Personal(subject = "ownerId") String reason,
        Instant at) implements ContactEvent {
}
