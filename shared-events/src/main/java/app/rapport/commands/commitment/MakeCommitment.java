package app.rapport.commands.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Record a promise made to a contact, under a client-chosen id.
 *
 * @param interviewId the interview it was made in, or null.
 * @param dueBy when it should be kept, or null for no date.
 */
public record MakeCommitment(
        @TargetAggregateIdentifier UUID contactId,
        String ownerId,
        UUID commitmentId,
        UUID interviewId,
        String promise,
        Instant dueBy,
        Instant at) {
}
