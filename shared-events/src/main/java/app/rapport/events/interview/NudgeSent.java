package app.rapport.events.interview;

import app.rapport.events.ContactEvent;
import app.rapport.events.Personal;
import app.rapport.values.Channel;

import java.time.Instant;
import java.util.UUID;

/** The networker sent the one polite reminder that an unanswered interview request deserves. */
public record NudgeSent(
        UUID contactId,
        String ownerId,
        UUID interviewId,
        Channel channel,
        @Personal String note,
        Instant at) implements ContactEvent {
}
