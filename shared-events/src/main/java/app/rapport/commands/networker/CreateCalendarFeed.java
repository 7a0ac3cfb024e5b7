package app.rapport.commands.networker;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Give the networker a private calendar feed, replacing the one they had.
 *
 * @param networkerId the networker's username.
 * @param tokenHash the SHA-256 of the feed's secret token, in lower-case hex; the token itself is
 *        shown to the networker once and never recorded.
 */
public record CreateCalendarFeed(
        @TargetAggregateIdentifier String networkerId,
        String tokenHash,
        Instant at) {
}
