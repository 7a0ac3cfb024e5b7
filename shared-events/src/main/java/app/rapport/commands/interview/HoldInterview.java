package app.rapport.commands.interview;

import app.rapport.values.InterviewChecklist;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Record that a scheduled interview took place and how long it lasted.
 *
 * @param heldAt when the interview took place; it is the event's business time.
 */
public record HoldInterview(
        @TargetAggregateIdentifier UUID contactId,
        String ownerId,
        UUID interviewId,
        Instant heldAt,
        int actualMinutes,
        String notes,
        InterviewChecklist checklist) {
}
