package app.rapport.query.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import app.rapport.query.support.ProjectionBatch;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit entries of one batch of events, written in one statement: the entries travel as
 * arrays, and each takes its event's own global index from the store (not the tracking token's
 * position, which for an event that commits after later ones names the highest index seen, so
 * live and rebuilt rows would disagree; the crash test caught that). A redelivered event meets
 * its row and changes nothing.
 */
final class AuditBatch extends ProjectionBatch {

    /** One audit entry; {@code payload} is JSON. */
    record Entry(String eventId, String ownerId, UUID contactId, String type, Instant at, Instant recordedAt,
                 Object actor, Object correlationId, String payload) {

        /** The values in the order of the statement's arrays, as text. */
        private Object[] columns() {
            return new Object[] {eventId, ownerId, contactId, type, at, recordedAt, actor, correlationId, payload};
        }
    }

    private static final int COLUMNS = 9;

    private final JdbcTemplate jdbc;
    private final List<Object[]> entries = new ArrayList<>();

    private AuditBatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static AuditBatch of(Object projection, JdbcTemplate jdbc) {
        return current(projection, events -> new AuditBatch(jdbc));
    }

    void add(Entry entry) {
        entries.add(entry.columns());
    }

    @Override
    protected void write() {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.update("""
                INSERT INTO audit_entry (event_id, position, owner_id, contact_id, type, at, recorded_at, actor,
                                         correlation_id, payload)
                SELECT b.event_id, e.global_index, b.owner_id, b.contact_id::uuid, b.type, b.at::timestamptz,
                       b.recorded_at::timestamptz, b.actor, b.correlation_id, b.payload::jsonb
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[]) AS b(event_id, owner_id, contact_id, type, at, recorded_at, actor,
                                            correlation_id, payload)
                JOIN domain_event_entry e ON e.event_identifier = b.event_id
                ON CONFLICT (event_id) DO NOTHING""", statement -> {
            for (int column = 0; column < COLUMNS; column++) {
                Object[] values = new Object[entries.size()];
                for (int row = 0; row < values.length; row++) {
                    Object value = entries.get(row)[column];
                    values[row] = value == null ? null : value.toString();
                }
                statement.setArray(column + 1, statement.getConnection().createArrayOf("text", values));
            }
        });
    }
}
