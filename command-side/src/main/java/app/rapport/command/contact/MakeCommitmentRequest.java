package app.rapport.command.contact;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/contacts/{id}/commitments}: what was promised, optionally in which
 * interview and by when; a client-chosen {@code commitmentId} makes it safe to retry.
 */
record MakeCommitmentRequest(
        UUID commitmentId,
        @NotBlank @Size(max = Limits.PURPOSE) String promise,
        UUID interviewId,
        Instant dueBy,
        Instant at) {
}
