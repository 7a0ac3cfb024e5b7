package app.rapport.query.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import app.rapport.query.support.StoredRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One recorded event, with who recorded it, as the audit trail shows it. */
@Entity
@Table(name = "audit_entry")
class AuditEntry extends StoredRow<String> {

    @Id
    @Column(name = "event_id")
    private String eventId;
    /** the global index in the event store: the order things were recorded in */
    private long position;
    @Column(name = "owner_id")
    private String ownerId;
    @Column(name = "contact_id")
    private UUID contactId;
    private String type;
    private Instant at;
    @Column(name = "recorded_at")
    private Instant recordedAt;
    private String actor;
    @Column(name = "correlation_id")
    private String correlationId;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> payload;

    protected AuditEntry() {
    }

    AuditEntry(String eventId, long position, String ownerId, UUID contactId, String type, Instant at,
               Instant recordedAt, String actor, String correlationId, Map<String, Object> payload) {
        this.eventId = eventId;
        this.position = position;
        this.ownerId = ownerId;
        this.contactId = contactId;
        this.type = type;
        this.at = at;
        this.recordedAt = recordedAt;
        this.actor = actor;
        this.correlationId = correlationId;
        this.payload = payload;
    }

    @Override
    public String getId() {
        return eventId;
    }

    String eventId() { return eventId; }
    long position() { return position; }
    String ownerId() { return ownerId; }
    UUID contactId() { return contactId; }
    String type() { return type; }
    Instant at() { return at; }
    Instant recordedAt() { return recordedAt; }
    String actor() { return actor; }
    String correlationId() { return correlationId; }
    Map<String, Object> payload() { return payload; }
}
