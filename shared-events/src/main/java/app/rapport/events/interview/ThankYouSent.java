package app.rapport.events.interview;

import app.rapport.events.ContactEvent;
import app.rapport.events.Personal;
import app.rapport.values.Channel;

import java.time.Instant;
import java.util.UUID;

/** The networker thanked a contact after a held interview. */
public record ThankYouSent(
        UUID contactId,
        String ownerId,
        UUID interviewId,
        Channel channel,
        @Personal String note,
        Instant at) implements ContactEvent {
}
