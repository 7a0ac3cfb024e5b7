package app.rapport.events.networker;

import app.rapport.events.NetworkerEvent;
import app.rapport.events.Personal;

import java.time.Instant;
import java.util.List;

/**
 * A networker described who they are and what they are exploring.
 *
 * @param networkerId the networker's username.
 */
public record ProfileSet(
        String networkerId,
        @Personal String displayName,
        @Personal String school,
        @Personal String program,
        @Personal List<String> interests,
        Instant at) implements NetworkerEvent {

    public ProfileSet {
        interests = interests == null ? List.of() : List.copyOf(interests);
    }
}
