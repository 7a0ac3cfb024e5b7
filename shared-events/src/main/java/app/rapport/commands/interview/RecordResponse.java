package app.rapport.commands.interview;

import app.rapport.values.ResponseOutcome;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Record how a contact answered an interview request, or that they did not. */
public record RecordResponse(
        @TargetAggregateIdentifier UUID contactId,
        String ownerId,
        UUID interviewId,
        ResponseOutcome outcome,
        String note,
        Instant at) {
}
