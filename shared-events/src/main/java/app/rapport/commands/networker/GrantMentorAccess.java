package app.rapport.commands.networker;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Let a mentor read the networker's journal.
 *
 * @param networkerId the networker's username.
 * @param mentor the mentor's username.
 */
public record GrantMentorAccess(
        @TargetAggregateIdentifier String networkerId,
        String mentor,
        Instant at) {
}
