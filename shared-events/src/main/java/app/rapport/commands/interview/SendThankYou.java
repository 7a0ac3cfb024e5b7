package app.rapport.commands.interview;

import app.rapport.values.Channel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Record thanking a contact after a held interview. */
public record SendThankYou(
        @TargetAggregateIdentifier UUID contactId,
        String ownerId,
        UUID interviewId,
        Channel channel,
        String note,
        Instant at) {
}
