package app.rapport.command.contact;

import java.time.Instant;

import jakarta.validation.constraints.Size;

/** The optional body of {@code POST .../commitments/{cid}/kept}: how it was kept, and when. */
record KeepCommitmentRequest(@Size(max = Limits.NOTE) String note, Instant at) {

    static final KeepCommitmentRequest EMPTY = new KeepCommitmentRequest(null, null);
}
