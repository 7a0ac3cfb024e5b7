package app.rapport.query.webhooks;

import java.util.List;

import app.rapport.query.support.RebuiltReadModel;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.stereotype.Component;

/**
 * The webhooks' registrations as a rebuild makes them beside the live ones. Only
 * {@code webhook} is rebuilt: {@code webhook_delivery}, how far each webhook has been delivered,
 * is no fold of the store, so the rebuilt projection finds the live rows (its inserts there meet
 * them and change nothing) and a replay sends nothing again. Rebuilt beside, the registrations
 * stay listed and delivered throughout, where a replay in place emptied them until it caught up.
 */
@Component
public class WebhooksRebuilt {

    private final RebuiltReadModel readModel;

    WebhooksRebuilt(EventSchema events) {
        this.readModel = new RebuiltReadModel(WebhooksProjection.GROUP, List.of("webhook"),
                parts -> new WebhooksProjection(parts.jdbc(), events));
    }

    /** The table {@link WebhooksProjection} rebuilds, and a fresh projection on the rebuild's connection. */
    public RebuiltReadModel readModel() {
        return readModel;
    }
}
