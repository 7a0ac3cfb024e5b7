package app.rapport.commands.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Withdraw an entry of a contact's journal recorded by mistake, named by the identifier of its
 * event, with a reason.
 *
 * @param at when the retraction is made (now unless the client says otherwise).
 */
public record RetractEntry(
        @TargetAggregateIdentifier UUID contactId,
        String ownerId,
        String entryId,
        String reason,
        Instant at) {
}
