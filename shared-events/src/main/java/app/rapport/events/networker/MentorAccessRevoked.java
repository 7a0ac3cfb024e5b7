package app.rapport.events.networker;

import app.rapport.events.NetworkerEvent;

import java.time.Instant;

/**
 * A networker withdrew a mentor's access to their journal.
 *
 * @param networkerId the networker's username.
 * @param mentor the mentor's username.
 */
public record MentorAccessRevoked(
        String networkerId,
        String mentor,
        Instant at) implements NetworkerEvent {
}
