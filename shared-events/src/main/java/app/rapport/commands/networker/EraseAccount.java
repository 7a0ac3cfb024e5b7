package app.rapport.commands.networker;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Erase the networker's profile and grants, after every one of their contacts was erased.
 *
 * @param networkerId the networker's username.
 */
public record EraseAccount(
        @TargetAggregateIdentifier String networkerId,
        Instant at) {
}
