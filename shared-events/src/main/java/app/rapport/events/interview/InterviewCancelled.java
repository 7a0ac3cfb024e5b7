package app.rapport.events.interview;

import app.rapport.events.ContactEvent;

import java.time.Instant;
import java.util.UUID;

/** An interview was called off before it was held. */
public record InterviewCancelled(
        UUID contactId,
        String ownerId,
        UUID interviewId,
        String reason,
        Instant at) implements ContactEvent {
}
