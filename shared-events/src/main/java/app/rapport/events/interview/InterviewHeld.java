package app.rapport.events.interview;

import app.rapport.events.ContactEvent;
import app.rapport.events.Personal;
import app.rapport.values.InterviewChecklist;

import java.time.Instant;
import java.util.UUID;

/**
 * An interview took place, with how long it was agreed to last and how long it actually lasted.
 *
 * @param agreedMinutes the time box from the request, copied so an overrun reads from this event alone.
 * @param at when the interview was held.
 */
public record InterviewHeld(
        UUID contactId,
        String ownerId,
        UUID interviewId,
        int agreedMinutes,
        int actualMinutes,
        @Personal String notes,
        InterviewChecklist checklist,
        Instant at) implements ContactEvent {
}
