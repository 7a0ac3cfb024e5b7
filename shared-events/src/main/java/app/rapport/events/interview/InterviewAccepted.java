package app.rapport.events.interview;

import app.rapport.events.ContactEvent;

import java.time.Instant;
import java.util.UUID;

/** A contact agreed to an interview request. */
public record InterviewAccepted(
        UUID contactId,
        String ownerId,
        UUID interviewId,
        String note,
        Instant at) implements ContactEvent {
}
