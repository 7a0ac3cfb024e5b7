package app.rapport.query.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import app.rapport.query.support.ProjectionBatch;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit entries of one batch of events, written in one statement that reads each entry from
 * its stored event: the payload and metadata as they are stored (parsed by PostgreSQL, not
 * converted again in Java), and the event's own global index (not the tracking token's position,
 * which for an event that commits after later ones names the highest index seen, so live and
 * rebuilt rows would disagree; the crash test caught that). Only what the stored row does not
 * hold at the precision the other read models use comes from here. A redelivered event meets its
 * row and changes nothing.
 */
final class AuditBatch extends ProjectionBatch {

    /**
     * Every column of audit_entry, filled from the stored events the three arrays name; the
     * placeholder is {@link app.rapport.platform.axon.EventStoreTables#storedEvents()}.
     */
    static final String INSERT = """
            INSERT INTO audit_entry (event_id, position, owner_id, contact_id, type, at, recorded_at, actor,
                                     correlation_id, payload)
            SELECT e.event_id, e.global_index,
                   coalesce(p.json ->> 'ownerId', p.json ->> 'networkerId'), (p.json ->> 'contactId')::uuid,
                   regexp_replace(e.payload_type, '^.*[.$]', ''), b.at::timestamptz, b.recorded_at::timestamptz,
                   m.json ->> 'actor', m.json ->> 'correlationId', p.json
            FROM unnest(?::text[], ?::text[], ?::text[]) AS b(event_id, at, recorded_at)
            JOIN (%s) e ON e.event_id = b.event_id
            CROSS JOIN LATERAL (SELECT convert_from(e.payload, 'UTF8')::jsonb AS json) p
            CROSS JOIN LATERAL (SELECT convert_from(coalesce(e.meta_data, '\\x7b7d'), 'UTF8')::jsonb AS json) m
            ON CONFLICT (event_id) DO NOTHING""";

    private final JdbcTemplate jdbc;
    private final String insert;
    private final List<String> eventIds = new ArrayList<>();
    private final List<String> ats = new ArrayList<>();
    private final List<String> recordedAts = new ArrayList<>();

    private AuditBatch(JdbcTemplate jdbc, String insert) {
        this.jdbc = jdbc;
        this.insert = insert;
    }

    /** @param insert {@link #INSERT} with the stored events filled in */
    static AuditBatch of(Object projection, JdbcTemplate jdbc, String insert) {
        return current(projection, events -> new AuditBatch(jdbc, insert));
    }

    /**
     * @param at when it happened, to the microsecond; null for events without one
     * @param recordedAt the event's timestamp, to the microsecond
     */
    void add(String eventId, Instant at, Instant recordedAt) {
        eventIds.add(eventId);
        ats.add(at == null ? null : at.toString());
        recordedAts.add(recordedAt.toString());
    }

    @Override
    protected void write() {
        if (eventIds.isEmpty()) {
            return;
        }
        jdbc.update(insert, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("text", eventIds.toArray()));
            statement.setArray(2, statement.getConnection().createArrayOf("text", ats.toArray()));
            statement.setArray(3, statement.getConnection().createArrayOf("text", recordedAts.toArray()));
        });
    }
}
