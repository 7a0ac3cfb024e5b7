package app.rapport.commands.networker;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Post the networker's events to an endpoint, under a name; a name already registered has its url
 * and events replaced and keeps its secret.
 *
 * @param networkerId the networker's username.
 * @param name the webhook's name.
 * @param url where deliveries go, already checked against the address rules by the caller.
 * @param events event type names; empty for all.
 * @param newSecret the secret a new webhook gets (made by the command side, shown once); unused
 *        when the name is registered already.
 */
public record RegisterWebhook(
        @TargetAggregateIdentifier String networkerId,
        String name,
        String url,
        List<String> events,
        String newSecret,
        Instant at) {

    public RegisterWebhook {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
