package app.rapport.command.contact;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Size;

/**
 * The optional body of {@code POST /api/contacts/{id}/job-inquiries}; a client-chosen
 * {@code inquiryId} makes it safe to retry, and {@code acknowledgeEarly} asks anyway before the
 * relationship is established, and is recorded as early.
 */
record AskAboutOpeningsRequest(UUID inquiryId, @Size(max = Limits.NOTE) String note, Boolean acknowledgeEarly,
                               Instant at) {

    static final AskAboutOpeningsRequest EMPTY = new AskAboutOpeningsRequest(null, null, null, null);
}
