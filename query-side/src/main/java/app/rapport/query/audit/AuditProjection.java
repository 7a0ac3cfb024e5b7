package app.rapport.query.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import app.rapport.events.JournalEvent;
import app.rapport.platform.axon.EventStoreTables;
import app.rapport.query.support.EventSubject;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every event of every journal, with the acting user and correlation id from its metadata and
 * its payload as stored. Keyed by event identifier: a redelivered event is already there.
 */
@Component
@ProcessingGroup(AuditProjection.GROUP)
class AuditProjection {

    static final String GROUP = "audit";

    private final JdbcTemplate jdbc;
    private final String insert;

    AuditProjection(JdbcTemplate jdbc, EventStoreTables eventStore) {
        this.jdbc = jdbc;
        this.insert = AuditBatch.INSERT.formatted(eventStore.storedEvents());
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        if (!(payload instanceof JournalEvent event) || EventSubject.of(event).isEmpty()) {
            return;
        }
        Instant happened = event.at();
        AuditBatch.of(this, jdbc, insert).add(message.getIdentifier(), happened == null ? null : micros(happened),
                micros(message.getTimestamp()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM audit_entry");
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
