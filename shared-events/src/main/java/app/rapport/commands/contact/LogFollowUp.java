package app.rapport.commands.contact;

import app.rapport.values.Channel;
import app.rapport.values.FollowUpKind;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Record getting back in touch with a contact, under a client-chosen id. */
public record LogFollowUp(
        @TargetAggregateIdentifier UUID contactId,
        String ownerId,
        UUID followUpId,
        FollowUpKind kind,
        Channel channel,
        String note,
        Instant at) {
}
