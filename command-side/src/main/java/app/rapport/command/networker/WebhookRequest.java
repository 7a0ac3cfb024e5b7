package app.rapport.command.networker;

import jakarta.validation.constraints.NotBlank;

import java.util.List;

/**
 * The body of {@code PUT /api/webhooks/{name}}.
 *
 * @param url where to post, https (see {@code WebhookAddress} for the rules, its length too: a bound
 *        declared here would be probed with a text at the bound that is no URL)
 * @param events event type names to deliver, at most {@value WebhookController#MOST_EVENTS}; absent or
 *        empty for every event (checked by the controller against the known names, which bounds them)
 */
record WebhookRequest(@NotBlank String url,
                      List<String> events) {

    WebhookRequest {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
