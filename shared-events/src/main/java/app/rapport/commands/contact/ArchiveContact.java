package app.rapport.commands.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Put a contact aside so that the journal refuses changes to them until restored. */
public record ArchiveContact(
        @TargetAggregateIdentifier UUID contactId,
        String ownerId,
        Instant at) {
}
