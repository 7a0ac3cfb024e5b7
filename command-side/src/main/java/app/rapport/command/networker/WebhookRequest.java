package app.rapport.command.networker;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The body of {@code PUT /api/webhooks/{name}}.
 *
 * @param url where to post, https (see {@code WebhookAddress} for the rules)
 * @param events event type names to deliver; absent or empty for every event
 */
record WebhookRequest(@NotBlank @Size(max = 2000) String url,
                      @Size(max = 100) List<@NotBlank @Size(max = 100) String> events) {

    WebhookRequest {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
