package app.rapport.command.contact;

import java.time.Instant;

import app.rapport.values.Channel;
import app.rapport.values.EntryChanges;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/contacts/{id}/entries/{entryId}/correction}: why, and the corrected
 * values of the fields the entry has; a field left out keeps what was recorded. {@code at} is the
 * entry's corrected time, not the correction's, which is now.
 */
record CorrectEntryRequest(
        @NotBlank @Size(max = Limits.NOTE) String reason,
        Instant at,
        Instant heldAt,
        @Min(Interview.MIN_ACTUAL_MINUTES) @Max(Interview.MAX_ACTUAL_MINUTES) Integer actualMinutes,
        @Size(max = Limits.NOTE) String note,
        @Size(max = Limits.NOTES) String notes,
        Channel channel) {

    EntryChanges changes() {
        return new EntryChanges(at, heldAt, actualMinutes, note, notes, channel);
    }
}
