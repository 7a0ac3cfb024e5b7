package app.rapport.commands.networker;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Stop delivering to one of the networker's webhooks.
 *
 * @param networkerId the networker's username.
 * @param name the webhook's name.
 */
public record RemoveWebhook(
        @TargetAggregateIdentifier String networkerId,
        String name,
        Instant at) {
}
