package app.rapport.query.webhooks;

import app.rapport.events.networker.AccountErased;
import app.rapport.events.networker.WebhookRegistered;
import app.rapport.events.networker.WebhookRemoved;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.Map;

/**
 * The networkers' webhooks, as their events state them, and where each one's deliveries begin.
 * <p>
 * The secret is not copied as the event reads: the row keeps the text the event store keeps,
 * encrypted with the networker's key, read from the stored event, so the read model never holds a
 * usable secret at rest and an account's erasure (its key deleted) leaves nothing to sign with.
 * A new webhook is delivered what is recorded after its registration; a registration that
 * replaces one keeps the delivery state, as it keeps the secret. Idempotent: a registration
 * applied twice finds its own generation and writes the same values.
 */
@Component
@ProcessingGroup(WebhooksProjection.GROUP)
class WebhooksProjection {

    static final String GROUP = "webhooks";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final String stored;

    WebhooksProjection(JdbcTemplate jdbc, EventSchema events) {
        this.jdbc = jdbc;
        this.stored = "SELECT " + events.globalIndexColumn() + " AS position, " + events.payloadColumn()
                + " AS payload FROM " + events.domainEventTable() + " WHERE " + events.eventIdentifierColumn() + " = ?";
    }

    @EventHandler
    void on(WebhookRegistered event, EventMessage<?> message) {
        Map<String, Object> row = jdbc.queryForMap(stored, message.getIdentifier());
        long position = ((Number) row.get("position")).longValue();
        String secret = storedSecret((byte[]) row.get("payload"));
        Timestamp at = Timestamp.from(message.getTimestamp());
        String[] events = event.events().toArray(String[]::new);
        int replaced = jdbc.update("UPDATE webhook SET url = ?, events = ? WHERE owner_id = ? AND name = ?",
                statement -> {
                    statement.setString(1, event.url());
                    statement.setArray(2, statement.getConnection().createArrayOf("text", events));
                    statement.setString(3, event.networkerId());
                    statement.setString(4, event.name());
                });
        if (replaced == 0) {
            jdbc.update("""
                    INSERT INTO webhook (owner_id, name, url, events, secret, generation, registered_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", statement -> {
                statement.setString(1, event.networkerId());
                statement.setString(2, event.name());
                statement.setString(3, event.url());
                statement.setArray(4, statement.getConnection().createArrayOf("text", events));
                statement.setString(5, secret);
                statement.setLong(6, position);
                statement.setTimestamp(7, at);
            });
            jdbc.update("""
                    INSERT INTO webhook_delivery (owner_id, name, generation, delivered_through) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""", event.networkerId(), event.name(), position, position);
        }
    }

    @EventHandler
    void on(WebhookRemoved event) {
        jdbc.update("""
                DELETE FROM webhook_delivery d USING webhook w
                WHERE w.owner_id = ? AND w.name = ? AND d.owner_id = w.owner_id AND d.name = w.name
                  AND d.generation = w.generation""", event.networkerId(), event.name());
        jdbc.update("DELETE FROM webhook WHERE owner_id = ? AND name = ?", event.networkerId(), event.name());
    }

    @EventHandler
    void on(AccountErased event) {
        jdbc.update("DELETE FROM webhook_delivery WHERE owner_id = ?", event.networkerId());
        jdbc.update("DELETE FROM webhook WHERE owner_id = ?", event.networkerId());
    }

    /**
     * Empties the registrations only: a replay registers them again, and their generations find
     * the delivery state, which no event records and which must not be lost, or every webhook
     * would be sent everything since its registration again.
     */
    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM webhook");
    }

    private static String storedSecret(byte[] payload) {
        try {
            JsonNode secret = JSON.readTree(payload).get("secret");
            return secret == null || secret.isNull() ? "" : secret.asText();
        } catch (IOException e) {
            throw new UncheckedIOException("A stored WebhookRegistered is not JSON", e);
        }
    }
}
