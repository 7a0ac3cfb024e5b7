package app.rapport.command;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stored payloads as a test reads their facts: personal values are kept encrypted in the store, so
 * a test that checks what was recorded reads each payload through the app's own event serializer
 * (which opens them with the subject's key) and writes it out again as plain JSON, the shape the
 * store would hold without encryption.
 */
public record DecryptedPayloads(JdbcTemplate jdbc, Serializer serializer) {

    private static final ObjectMapper PLAIN = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new ParameterNamesModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** The payloads of the events {@code where} selects (an SQL condition on {@code domain_event_entry}), in the order stored. */
    public List<String> where(String where, Object... arguments) {
        return jdbc.query("SELECT payload, payload_type, payload_revision FROM domain_event_entry WHERE " + where
                        + " ORDER BY global_index",
                (row, n) -> json(row.getBytes(1), row.getString(2), row.getString(3)), arguments);
    }

    /** The one payload {@code where} selects. */
    public String one(String where, Object... arguments) {
        List<String> payloads = where(where, arguments);
        if (payloads.size() != 1) {
            throw new IllegalStateException("Expected one event where " + where + ", found " + payloads.size());
        }
        return payloads.get(0);
    }

    /** One stored payload, of a row a test selected itself. */
    public String json(byte[] payload, String type, String revision) {
        Object event = serializer.deserialize(new SimpleSerializedObject<>(payload, byte[].class, type, revision));
        try {
            return PLAIN.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + type + " as JSON", e);
        }
    }
}
