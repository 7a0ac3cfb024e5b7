package app.rapport.command.contact;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/contacts/{id}/entries/{entryId}/retraction}: why the entry is withdrawn. */
record RetractEntryRequest(@NotBlank @Size(max = Limits.NOTE) String reason) {
}
