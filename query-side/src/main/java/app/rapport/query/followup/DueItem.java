package app.rapport.query.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import app.rapport.query.support.Sql;
import app.rapport.query.support.StoredRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One deadline, opened and closed by events. Closed items stay, so that re-opening (a restore)
 * and re-scheduling know what was there.
 */
@Entity
@Table(name = "due_item")
class DueItem extends StoredRow<String> {

    @Id
    @Column(name = "item_id")
    private String itemId;
    @Column(name = "owner_id")
    private String ownerId;
    @Column(name = "contact_id")
    private UUID contactId;
    @Column(name = "interview_id")
    private UUID interviewId;
    @Enumerated(EnumType.STRING)
    private DueKind kind;
    @Column(name = "due_at")
    private Instant dueAt;
    private boolean open;

    protected DueItem() {
    }

    private DueItem(String ownerId, UUID contactId, UUID interviewId, DueKind kind, Instant dueAt) {
        this.itemId = idOf(kind, interviewId != null ? interviewId : contactId);
        this.ownerId = ownerId;
        this.contactId = contactId;
        this.interviewId = interviewId;
        this.kind = kind;
        this.dueAt = dueAt;
    }

    /** A new deadline for an interview (THANK_YOU, RESPONSE_NUDGE, PREPARE), not yet open. */
    static DueItem forInterview(String ownerId, UUID contactId, UUID interviewId, DueKind kind, Instant dueAt) {
        return new DueItem(ownerId, contactId, interviewId, kind, dueAt);
    }

    /** A new deadline for the whole relationship (KEEP_IN_TOUCH), not yet open. */
    static DueItem forContact(String ownerId, UUID contactId, DueKind kind, Instant dueAt) {
        return new DueItem(ownerId, contactId, null, kind, dueAt);
    }

    /** The natural key: one deadline of a kind per interview, or per contact for keeping in touch. */
    static String idOf(DueKind kind, UUID subject) {
        return kind.name() + ":" + subject;
    }

    DueItem open(Instant dueAt) {
        this.dueAt = dueAt;
        this.open = true;
        return this;
    }

    DueItem moveTo(Instant dueAt) {
        this.dueAt = dueAt;
        return this;
    }

    DueItem close() {
        this.open = false;
        return this;
    }

    @Override
    public String getId() {
        return itemId;
    }

    UUID contactId() { return contactId; }
    UUID interviewId() { return interviewId; }
    DueKind kind() { return kind; }
    Instant dueAt() { return dueAt; }
    boolean isOpen() { return open; }
    String itemId() { return itemId; }
    String ownerId() { return ownerId; }

    static DueItem read(ResultSet row) throws SQLException {
        DueItem item = new DueItem();
        item.itemId = row.getString("item_id");
        item.ownerId = row.getString("owner_id");
        item.contactId = Sql.uuid(row, "contact_id");
        item.interviewId = Sql.uuid(row, "interview_id");
        item.kind = Sql.enumOf(row, "kind", DueKind.class);
        item.dueAt = Sql.instant(row, "due_at");
        item.open = row.getBoolean("open");
        return item;
    }
}
