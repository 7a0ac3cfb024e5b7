package app.rapport.query.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import app.rapport.query.support.EventSubject;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every event of every journal, with the acting user and correlation id from its metadata and
 * its payload as JSON. Keyed by event identifier: a redelivered event is already there.
 */
@Component
@ProcessingGroup(AuditProjection.GROUP)
class AuditProjection {

    static final String GROUP = "audit";

    private final ObjectMapper storedFormat;
    private final JdbcTemplate jdbc;

    /** The event store's own mapper, so the audit shows the payload as it is stored. */
    AuditProjection(@Qualifier("defaultAxonObjectMapper") ObjectMapper storedFormat, JdbcTemplate jdbc) {
        this.storedFormat = storedFormat;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) throws JsonProcessingException {
        Optional<EventSubject> subject = EventSubject.of(payload);
        if (subject.isEmpty()) {
            return;
        }
        Map<String, Object> json = storedFormat.convertValue(payload, new TypeReference<LinkedHashMap<String, Object>>() {
        });
        Instant at = atOf(json);
        AuditBatch.of(this, jdbc).add(new AuditBatch.Entry(message.getIdentifier(), subject.get().ownerId(),
                subject.get().contactId(), payload.getClass().getSimpleName(), at, micros(message.getTimestamp()),
                message.getMetaData().get("actor"), message.getMetaData().get("correlationId"),
                storedFormat.writeValueAsString(json)));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM audit_entry");
    }

    private static Instant atOf(Map<String, Object> json) {
        return json.get("at") instanceof String at ? micros(Instant.parse(at)) : null;
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
