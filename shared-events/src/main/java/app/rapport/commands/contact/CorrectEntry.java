package app.rapport.commands.contact;

import app.rapport.values.EntryChanges;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Correct an entry of a contact's journal, named by the identifier of its event, with a reason.
 *
 * @param at when the correction is made (now unless the client says otherwise).
 */
public record CorrectEntry(
        @TargetAggregateIdentifier UUID contactId,
        String ownerId,
        String entryId,
        EntryChanges changes,
        String reason,
        Instant at) {
}
