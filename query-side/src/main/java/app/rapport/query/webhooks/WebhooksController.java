package app.rapport.query.webhooks;

import app.rapport.platform.openapi.ApiTags;
import app.rapport.query.mentors.MenteeAccess;
import app.rapport.query.support.ConsistencyGate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The caller's webhooks and how their deliveries go, or a mentee's with {@code owner=} while the
 * grant stands (as every query: a mentor reviewing a journal sees where it is sent). Never the
 * secret, which only the 201 that created a webhook showed.
 */
@RestController
@Tag(name = ApiTags.WEBHOOKS)
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
    private final MenteeAccess access;
    private final ConsistencyGate consistency;

    WebhooksController(Webhooks webhooks, MenteeAccess access, ConsistencyGate consistency) {
        this.webhooks = webhooks;
        this.access = access;
        this.consistency = consistency;
    }

    @Operation(operationId = "findWebhooks", summary = "List your webhooks and how their deliveries go",
            description = "The caller's own webhooks by name: url, events (empty for all), the latest delivery tried "
                    + "(the event's position, `delivered`, `failed <status>` or `refused: …`, when) and whether it "
                    + "has been failing for a day. Never the secret. A mentor lists a mentee's with owner= while the "
                    + "grant stands.")
    @GetMapping("/api/webhooks")
    Answer list(@RequestParam(required = false) String owner,
                @RequestParam(required = false) Long consistentWith) {
        consistency.awaitProcessed(consistentWith, WebhooksProjection.GROUP);
        String ownerId = access.ownerToRead(owner);
        return new Answer(webhooks.findOf(ownerId).stream()
                .map(row -> new Listed(row.name(), row.url(), row.events(), row.lastStatus() == null ? null
                        : new LastDelivery(row.lastPosition(), row.lastStatus(), row.lastAt()), row.failing()))
                .toList());
    }
}
