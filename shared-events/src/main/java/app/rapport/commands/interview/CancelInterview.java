package app.rapport.commands.interview;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Call off an interview that has not been held. */
public record CancelInterview(
        @TargetAggregateIdentifier UUID contactId,
        String ownerId,
        UUID interviewId,
        String reason,
        Instant at) {
}
