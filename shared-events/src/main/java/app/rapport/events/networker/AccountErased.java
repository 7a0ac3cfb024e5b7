package app.rapport.events.networker;

import app.rapport.events.NetworkerEvent;

import java.time.Instant;

/**
 * A networker's account was erased: every contact of theirs was erased before it, their profile
 * and mentor usernames read as erased, and every grant they gave ends with it.
 */
public record AccountErased(
        String networkerId,
        Instant at) implements NetworkerEvent {
}
