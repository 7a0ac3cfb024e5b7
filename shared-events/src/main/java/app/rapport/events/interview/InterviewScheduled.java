package app.rapport.events.interview;

import app.rapport.events.ContactEvent;
import app.rapport.events.Personal;
import app.rapport.values.Channel;

import java.time.Instant;
import java.util.UUID;

/**
 * An accepted interview was given a date, a mode and a place.
 *
 * @param scheduledFor when the interview is to take place; may be in the future.
 */
public record InterviewScheduled(
        UUID contactId,
        String ownerId,
        UUID interviewId,
        Instant scheduledFor,
        Channel mode,
        @Personal String location,
        Instant at) implements ContactEvent {
}
