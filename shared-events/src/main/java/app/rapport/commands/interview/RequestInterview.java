package app.rapport.commands.interview;

import app.rapport.values.Channel;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Ask a contact for an informational interview, under a client-chosen id. */
public record RequestInterview(
        @TargetAggregateIdentifier UUID contactId,
        String ownerId,
        UUID interviewId,
        Channel channel,
        int durationMinutes,
        String purpose,
        String message,
        Instant at) {
}
