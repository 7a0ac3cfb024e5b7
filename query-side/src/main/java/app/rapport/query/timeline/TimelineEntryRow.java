package app.rapport.query.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.query.support.StoredRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored timeline entry, keyed by the event it was derived from. */
@Entity
@Table(name = "timeline_entry")
class TimelineEntryRow extends StoredRow<String> {

    @Id
    @Column(name = "event_id")
    private String eventId;
    @Column(name = "owner_id")
    private String ownerId;
    @Column(name = "contact_id")
    private UUID contactId;
    private long sequence;
    private Instant at;
    @Column(name = "recorded_at")
    private Instant recordedAt;
    private String type;
    private String summary;
    @Column(name = "interview_id")
    private UUID interviewId;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> details;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<Flag> flags;

    protected TimelineEntryRow() {
    }

    TimelineEntry entry() {
        return new TimelineEntry(eventId, ownerId, contactId, sequence, at, recordedAt, type, summary, interviewId,
                details, flags);
    }

    @Override
    public String getId() {
        return eventId;
    }
}
