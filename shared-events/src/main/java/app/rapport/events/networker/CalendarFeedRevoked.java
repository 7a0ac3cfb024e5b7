package app.rapport.events.networker;

import app.rapport.events.NetworkerEvent;

import java.time.Instant;

/**
 * A networker closed their calendar feed: its URL answers nothing from then on.
 *
 * @param networkerId the networker's username.
 */
public record CalendarFeedRevoked(
        String networkerId,
        Instant at) implements NetworkerEvent {
}
