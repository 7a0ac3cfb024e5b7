package app.rapport.events.commitment;

import app.rapport.events.ContactEvent;
import app.rapport.events.Personal;

import java.time.Instant;
import java.util.UUID;

/**
 * The networker kept a promise made to a contact, on its own or by a follow-up.
 *
 * @param followUpId the follow-up that kept it (whose {@code keeps} names it, at the follow-up's
 *        {@code at}); null when kept on its own.
 */
public record CommitmentKept(
        UUID contactId,
        String ownerId,
        UUID commitmentId,
        UUID followUpId,
        @Personal String note,
        Instant at) implements ContactEvent {
}
