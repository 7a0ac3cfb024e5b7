package app.rapport.events.networker;

import app.rapport.events.NetworkerEvent;

import java.time.Instant;

/**
 * A networker removed a webhook: nothing more is delivered to it.
 *
 * @param networkerId the networker's username.
 * @param name the webhook's name.
 */
public record WebhookRemoved(
        String networkerId,
        String name,
        Instant at) implements NetworkerEvent {
}
