package app.rapport.query.webhooks;

import app.rapport.platform.identity.CurrentUser;
import app.rapport.query.support.ConsistencyGate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The caller's webhooks and how their deliveries go. Never the secret, and never another
 * person's webhooks: they are the networker's own settings, not their journal, so {@code owner=}
 * does not apply.
 */
@RestController
class WebhooksController {

    /** One webhook as listed. */
    record Listed(String name, String url, List<String> events, LastDelivery lastDelivery, boolean failing) {
    }

    /** The latest delivery tried: the event's position, how it went ({@code delivered 200}, {@code failed 503}…), when. */
    record LastDelivery(Long position, String status, Instant at) {
    }

    /** The answer: {@code items}. */
    record Answer(List<Listed> items) {
    }

    private final Webhooks webhooks;
    private final CurrentUser currentUser;
    private final ConsistencyGate consistency;

    WebhooksController(Webhooks webhooks, CurrentUser currentUser, ConsistencyGate consistency) {
        this.webhooks = webhooks;
        this.currentUser = currentUser;
        this.consistency = consistency;
    }

    @GetMapping("/api/webhooks")
    Answer list(@RequestParam(required = false) Long consistentWith) {
        consistency.awaitProcessed(consistentWith, WebhooksProjection.GROUP);
        return new Answer(webhooks.findOf(currentUser.username()).stream()
                .map(row -> new Listed(row.name(), row.url(), row.events(), row.lastStatus() == null ? null
                        : new LastDelivery(row.lastPosition(), row.lastStatus(), row.lastAt()), row.failing()))
                .toList());
    }
}
