package app.rapport.command.contact;

import java.time.Instant;

import jakarta.validation.constraints.Size;

/** The optional body of {@code POST .../interviews/{iid}/cancel}. */
record CancelInterviewRequest(@Size(max = Limits.NOTE) String reason, Instant at) {

    static final CancelInterviewRequest EMPTY = new CancelInterviewRequest(null, null);
}
