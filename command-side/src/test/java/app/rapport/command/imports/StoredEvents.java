package app.rapport.command.imports;

import java.util.List;
import java.util.Map;

import app.rapport.command.DecryptedPayloads;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event store's rows as a test reads them: with SQL, the payloads as JSON maps, their personal
 * values opened by the app's serializer (see {@link DecryptedPayloads}).
 */
record StoredEvents(JdbcTemplate jdbc, Serializer serializer) {

    private static final ObjectMapper JSON = new ObjectMapper();

    long count() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    long lastPosition() {
        Long last = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return last == null ? 0 : last;
    }

    /** The payloads of every ContactAdded event, in the order stored. */
    List<Map<String, Object>> contactsAdded() {
        return payloads("payload_type = 'app.rapport.events.contact.ContactAdded'");
    }

    /** The simple type names of an aggregate's events, in sequence order. */
    List<String> types(Object aggregate) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "ORDER BY sequence_number", String.class, aggregate.toString()).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    // an aggregate's events are stored in the order of their sequence numbers
    List<Map<String, Object>> payloadsOf(Object aggregate) {
        return payloads("aggregate_identifier = ?", aggregate.toString());
    }

    private List<Map<String, Object>> payloads(String where, Object... arguments) {
        return new DecryptedPayloads(jdbc, serializer).where(where, arguments).stream().map(StoredEvents::parse).toList();
    }

    static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException("Not JSON: " + json, e);
        }
    }
}
