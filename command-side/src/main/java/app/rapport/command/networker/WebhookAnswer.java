package app.rapport.command.networker;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What {@code PUT /api/webhooks/{name}} answers: the registration and, when it created the
 * webhook, its signing secret, shown this once (the store keeps it encrypted with the networker's
 * key and nothing shows it again); where the command left the networker's stream.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WebhookAnswer(String name, String url, List<String> events, String secret, String username, long version,
                     long position) {
}
