package app.rapport.commands.networker;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Close the networker's calendar feed, so its URL shows nothing any more.
 *
 * @param networkerId the networker's username.
 */
public record RevokeCalendarFeed(
        @TargetAggregateIdentifier String networkerId,
        Instant at) {
}
