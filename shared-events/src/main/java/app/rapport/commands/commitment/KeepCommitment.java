package app.rapport.commands.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Record that an open promise to a contact was kept, on its own rather than by a follow-up. */
public record KeepCommitment(
        @TargetAggregateIdentifier UUID contactId,
        String ownerId,
        UUID commitmentId,
        String note,
        Instant at) {
}
