package app.rapport.command.contact;

import java.time.Instant;

import app.rapport.values.ResponseOutcome;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST .../interviews/{iid}/response}. */
record RecordResponseRequest(@NotNull ResponseOutcome outcome, @Size(max = Limits.NOTE) String note, Instant at) {
}
