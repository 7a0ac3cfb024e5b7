package app.rapport.query.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import app.rapport.query.support.SequencedRow;
import app.rapport.query.support.Sql;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What the keep-in-touch deadline needs to know about a contact, and the last applied sequence. */
@Entity
@Table(name = "due_contact")
class DueContact extends SequencedRow<UUID> {

    @Id
    @Column(name = "contact_id")
    private UUID contactId;
    @Column(name = "owner_id")
    private String ownerId;
    private String name;
    /** null: the configured default applies, so changing the default moves every such contact */
    @Column(name = "cadence_days")
    private Integer cadenceDays;
    @Column(name = "last_touch_at")
    private Instant lastTouchAt;
    private boolean connected;
    private boolean archived;

    protected DueContact() {
    }

    DueContact(UUID contactId, String ownerId, String name, Integer cadenceDays) {
        this.contactId = contactId;
        this.ownerId = ownerId;
        this.name = name;
        this.cadenceDays = cadenceDays;
    }

    void rename(String name) {
        if (name != null) {
            this.name = name;
        }
    }

    void cadence(int days) {
        this.cadenceDays = days;
    }

    void touched(Instant at) {
        if (at != null && (lastTouchAt == null || at.isAfter(lastTouchAt))) {
            lastTouchAt = at;
        }
    }

    void connected() {
        this.connected = true;
    }

    void archived(boolean archived) {
        this.archived = archived;
    }

    /** Keeping in touch is owed once thanked, while the contact is not archived. */
    boolean keepsInTouch() {
        return connected && !archived && lastTouchAt != null;
    }

    @Override
    public UUID getId() {
        return contactId;
    }

    UUID contactId() { return contactId; }
    String ownerId() { return ownerId; }
    String name() { return name; }
    Integer cadenceDays() { return cadenceDays; }
    Instant lastTouchAt() { return lastTouchAt; }
    boolean isConnected() { return connected; }
    boolean isArchived() { return archived; }

    static DueContact read(ResultSet row) throws SQLException {
        DueContact contact = new DueContact();
        contact.contactId = Sql.uuid(row, "contact_id");
        contact.ownerId = row.getString("owner_id");
        contact.name = row.getString("name");
        contact.cadenceDays = Sql.integer(row, "cadence_days");
        contact.lastTouchAt = Sql.instant(row, "last_touch_at");
        contact.connected = row.getBoolean("connected");
        contact.archived = row.getBoolean("archived");
        contact.restored(row.getLong("last_sequence"));
        return contact;
    }
}
