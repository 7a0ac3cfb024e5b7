package app.rapport.events.networker;

import app.rapport.events.NetworkerEvent;
import app.rapport.events.Personal;

import java.time.Instant;
import java.util.List;

/**
 * A networker asked for their journal's events to be posted to an endpoint of theirs, or changed
 * where and which; a registration under a name they had before replaces it.
 *
 * @param networkerId the networker's username.
 * @param name the webhook's name, unique per networker.
 * @param url where deliveries are posted.
 * @param events the event type names delivered (simple names, such as {@code ContactAdded}); empty for all.
 * @param secret the signing secret ({@code whsec_} and the Base64 of its key bytes), personal so
 *        that it is kept encrypted with the networker's key and dies with their account; the same
 *        secret as before when a registration replaces one.
 */
public record WebhookRegistered(
        String networkerId,
        String name,
        String url,
        List<String> events,
        @Personal String secret,
        Instant at) implements NetworkerEvent {

    public WebhookRegistered {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
