package app.rapport.commands.interview;

import app.rapport.values.Channel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Record the one polite reminder for an interview request that got no answer. */
public record SendNudge(
        @TargetAggregateIdentifier UUID contactId,
        String ownerId,
        UUID interviewId,
        Channel channel,
        String note,
        Instant at) {
}
