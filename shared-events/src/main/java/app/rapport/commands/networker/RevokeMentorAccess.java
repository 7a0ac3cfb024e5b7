package app.rapport.commands.networker;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Withdraw a mentor's access to the networker's journal.
 *
 * @param networkerId the networker's username.
 * @param mentor the mentor's username.
 */
public record RevokeMentorAccess(
        @TargetAggregateIdentifier String networkerId,
        String mentor,
        Instant at) {
}
