package app.rapport.command.erasure;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One erasure of the list, as {@code GET /api/admin/erasures} names it.
 *
 * @param contactId the contact erased, or null for the networker's own account
 * @param ownerId the networker whose contact it was, or whose account
 */
record ListedErasure(UUID contactId, @NotBlank @Size(max = 255) String ownerId, @NotNull Instant erasedAt) {
}
