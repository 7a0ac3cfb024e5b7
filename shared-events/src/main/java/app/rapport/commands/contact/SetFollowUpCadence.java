package app.rapport.commands.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Set how many days may pass without a touch before a contact is due for a follow-up. */
public record SetFollowUpCadence(
        @TargetAggregateIdentifier UUID contactId,
        String ownerId,
        int days,
        Instant at) {
}
