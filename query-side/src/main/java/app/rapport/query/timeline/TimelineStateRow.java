package app.rapport.query.timeline;

import java.util.UUID;

import app.rapport.query.support.SequencedRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The timeline's memory of one contact, and how far into its stream it has read. */
@Entity
@Table(name = "timeline_state")
class TimelineStateRow extends SequencedRow<UUID> {

    @Id
    @Column(name = "contact_id")
    private UUID contactId;
    @Column(name = "owner_id")
    private String ownerId;
    @JdbcTypeCode(SqlTypes.JSON)
    private TimelineState state;

    protected TimelineStateRow() {
    }

    TimelineStateRow(UUID contactId, String ownerId) {
        this.contactId = contactId;
        this.ownerId = ownerId;
        this.state = TimelineState.EMPTY;
    }

    /** A row as stored. */
    TimelineStateRow(UUID contactId, String ownerId, TimelineState state, long lastSequence) {
        this.contactId = contactId;
        this.ownerId = ownerId;
        this.state = state;
        restored(lastSequence);
    }

    String ownerId() {
        return ownerId;
    }

    TimelineState state() {
        return state;
    }

    void advance(TimelineState state, long sequence) {
        this.state = state;
        applied(sequence);
    }

    @Override
    public UUID getId() {
        return contactId;
    }
}
