package app.rapport.events.interview;

import app.rapport.events.ContactEvent;
import app.rapport.events.Personal;
import app.rapport.values.Channel;

import java.time.Instant;
import java.util.UUID;

/**
 * The networker asked a contact for an informational interview.
 *
 * @param channel how the request was sent.
 * @param durationMinutes the time box asked for.
 * @param purpose the career facet the networker wants to learn about.
 */
public record InterviewRequested(
        UUID contactId,
        String ownerId,
        UUID interviewId,
        Channel channel,
        int durationMinutes,
        @Personal String purpose,
        @Personal String message,
        Instant at) implements ContactEvent {
}
