package app.rapport.events.interview;

import app.rapport.events.ContactEvent;
import app.rapport.events.Personal;

import java.time.Instant;
import java.util.UUID;

/** An interview was called off before it was held. */
public record InterviewCancelled(
        UUID contactId,
        String ownerId,
        UUID interviewId,
        @Personal String reason,
        Instant at) implements ContactEvent {
}
