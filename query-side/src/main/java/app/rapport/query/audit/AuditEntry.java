package app.rapport.query.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import app.rapport.query.support.Sql;
import com.fasterxml.jackson.core.type.TypeReference;
import org.springframework.jdbc.core.RowMapper;

/**
 * One recorded event, with who recorded it, as the audit trail shows it. Written by
 * {@link AuditBatch#INSERT} from the stored events as the serializer reads them.
 *
 * @param position the global index in the event store: the order things were recorded in
 * @param payload the event as the serializer reads it: an erased subject's personal data as erased
 */
record AuditEntry(String eventId, long position, String ownerId, UUID contactId, String type, Instant at,
                  Instant recordedAt, String actor, String correlationId, Map<String, Object> payload) {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    static final RowMapper<AuditEntry> MAPPER = (row, n) -> new AuditEntry(row.getString("event_id"),
            row.getLong("position"), row.getString("owner_id"), Sql.uuid(row, "contact_id"), row.getString("type"),
            Sql.instant(row, "at"), Sql.instant(row, "recorded_at"), row.getString("actor"),
            row.getString("correlation_id"), Sql.json(row, "payload", OBJECT));
}
