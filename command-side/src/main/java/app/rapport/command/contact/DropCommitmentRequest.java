package app.rapport.command.contact;

import java.time.Instant;

import jakarta.validation.constraints.Size;

/** The optional body of {@code POST .../commitments/{cid}/dropped}: why it was given up, and when. */
record DropCommitmentRequest(@Size(max = Limits.NOTE) String reason, Instant at) {

    static final DropCommitmentRequest EMPTY = new DropCommitmentRequest(null, null);
}
