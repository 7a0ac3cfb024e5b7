package app.rapport.command.contact;

import java.time.Instant;

import jakarta.validation.constraints.Size;

/**
 * The optional body of {@code POST /api/contacts/{id}/job-inquiries}; {@code acknowledgeEarly}
 * asks anyway before the relationship is established, and is recorded as early.
 */
record AskAboutOpeningsRequest(@Size(max = Limits.NOTE) String note, Boolean acknowledgeEarly, Instant at) {

    static final AskAboutOpeningsRequest EMPTY = new AskAboutOpeningsRequest(null, null, null);
}
