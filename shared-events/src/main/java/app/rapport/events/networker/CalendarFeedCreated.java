package app.rapport.events.networker;

import app.rapport.events.NetworkerEvent;

import java.time.Instant;

/**
 * A networker was given a private calendar feed; a feed they had before no longer answers.
 *
 * @param networkerId the networker's username.
 * @param tokenHash the SHA-256 of the feed's secret token, in lower-case hex: what the feed's URL
 *        is recognised by. The token is never recorded.
 */
public record CalendarFeedCreated(
        String networkerId,
        String tokenHash,
        Instant at) implements NetworkerEvent {
}
