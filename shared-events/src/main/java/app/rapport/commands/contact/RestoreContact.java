package app.rapport.commands.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Bring an archived contact back into the active journal. */
public record RestoreContact(
        @TargetAggregateIdentifier UUID contactId,
        String ownerId,
        Instant at) {
}
