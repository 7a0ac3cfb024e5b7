package app.rapport.query.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import app.rapport.query.support.EventSubject;
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

    private final AuditEntryRepository entries;
    private final ObjectMapper storedFormat;
    private final JdbcTemplate jdbc;

    /** The event store's own mapper, so the audit shows the payload as it is stored. */
    AuditProjection(AuditEntryRepository entries, @Qualifier("defaultAxonObjectMapper") ObjectMapper storedFormat,
                    JdbcTemplate jdbc) {
        this.entries = entries;
        this.storedFormat = storedFormat;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        EventSubject.of(payload).ifPresent(subject -> {
            if (entries.existsByOwnerIdAndEventId(subject.ownerId(), message.getIdentifier())) {
                return;
            }
            Map<String, Object> json = storedFormat.convertValue(payload,
                    new TypeReference<LinkedHashMap<String, Object>>() {
                    });
            entries.save(new AuditEntry(message.getIdentifier(), globalIndexOf(message),
                    subject.ownerId(), subject.contactId(), payload.getClass().getSimpleName(), atOf(json),
                    micros(message.getTimestamp()), (String) message.getMetaData().get("actor"),
                    (String) message.getMetaData().get("correlationId"), json));
        });
    }

    /**
     * The event's own place in the store. Not the tracking token's position: an event that commits
     * after later ones fills a gap, and the token then still names the highest index seen, so a
     * live projection and a rebuild would disagree (the crash test caught exactly that).
     */
    private long globalIndexOf(EventMessage<?> message) {
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?",
                Long.class, message.getIdentifier());
    }

    @ResetHandler
    void reset() {
        entries.deleteAllInBatch();
    }

    private static Instant atOf(Map<String, Object> json) {
        return json.get("at") instanceof String at ? micros(Instant.parse(at)) : null;
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
