package app.rapport.command.contact;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/contacts/{id}/erasure}: why the contact is forgotten, in the networker's words. */
record EraseContactRequest(@NotBlank @Size(max = Limits.NOTE) String reason) {
}
