package app.rapport.events.interview;

import app.rapport.events.ContactEvent;
import app.rapport.events.Personal;

import java.time.Instant;
import java.util.UUID;

/** A contact turned down an interview request. */
public record InterviewDeclined(
        UUID contactId,
        String ownerId,
        UUID interviewId,
        @Personal String note,
        Instant at) implements ContactEvent {
}
