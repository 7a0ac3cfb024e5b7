package app.rapport.commands.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Forget a contact: delete their key and every personal datum of theirs from every view, keeping
 * the facts. Erasing an erased contact is answered as the first erasure was, and stores nothing.
 */
public record EraseContact(
        @TargetAggregateIdentifier UUID contactId,
        String ownerId,
        String reason,
        Instant at) {
}
