package app.rapport.values;

import app.rapport.events.Personal;

import java.time.Instant;

/**
 * The corrected values of one journal entry; a null field is left as it was recorded. Which
 * fields an entry has depends on its type: {@code heldAt}, {@code actualMinutes} and
 * {@code notes} belong to a held interview, {@code note} to the steps that carry a message
 * (a request's message, a response, a thank-you, a nudge, a follow-up, a job inquiry).
 */
public record EntryChanges(
        Instant at,
        Instant heldAt,
        Integer actualMinutes,
        @Personal String note,
        @Personal String notes,
        Channel channel) {

    // Not named like a getter: Jackson would store it as a property of every correction.
    /** True when no field is given: a correction must change something. */
    public boolean changesNothing() {
        return at == null && heldAt == null && actualMinutes == null && note == null && notes == null
                && channel == null;
    }
}
