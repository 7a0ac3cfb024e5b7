package app.rapport.events.networker;

import app.rapport.events.NetworkerEvent;
import app.rapport.events.Personal;

import java.time.Instant;

/**
 * A networker withdrew a mentor's access to their journal.
 *
 * @param networkerId the networker's username.
 * @param mentor the mentor's username.
 */
public record MentorAccessRevoked(
        String networkerId,
        @Personal String mentor,
        Instant at) implements NetworkerEvent {
}
