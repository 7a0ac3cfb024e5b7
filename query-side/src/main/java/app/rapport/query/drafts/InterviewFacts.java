package app.rapport.query.drafts;

import java.time.Instant;
import java.util.UUID;

import app.rapport.values.Channel;

/**
 * What a draft needs to know of one interview, as the journal reads with its corrections.
 *
 * @param heldAt null until the interview is held; {@code actualMinutes} and {@code notes} with it.
 * @param nudgedAt when the one nudge went out, or null.
 */
record InterviewFacts(
        UUID interviewId,
        InterviewStage stage,
        Instant requestedAt,
        Channel requestChannel,
        int durationMinutes,
        String purpose,
        Instant heldAt,
        int actualMinutes,
        String notes,
        Instant nudgedAt) {
}
