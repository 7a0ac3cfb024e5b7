package app.rapport.commands.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Give up an open promise to a contact, with the reason. */
public record DropCommitment(
        @TargetAggregateIdentifier UUID contactId,
        String ownerId,
        UUID commitmentId,
        String reason,
        Instant at) {
}
