package app.rapport.events.interview;

import app.rapport.events.ContactEvent;
import app.rapport.events.Personal;

import java.time.Instant;
import java.util.UUID;

/** The networker gave up waiting for an answer to an interview request. */
public record InterviewRequestUnanswered(
        UUID contactId,
        String ownerId,
        UUID interviewId,
        @Personal String note,
        Instant at) implements ContactEvent {
}
