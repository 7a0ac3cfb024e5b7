package app.rapport.events.networker;

import app.rapport.events.NetworkerEvent;
import app.rapport.events.Personal;

import java.time.Instant;

/**
 * A networker let a mentor read their journal.
 *
 * @param networkerId the networker's username.
 * @param mentor the mentor's username.
 */
public record MentorAccessGranted(
        String networkerId,
        @Personal String mentor,
        Instant at) implements NetworkerEvent {
}
