package app.rapport.query.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import app.rapport.query.support.SequencedRow;
import app.rapport.query.support.Sql;
import app.rapport.values.ContactSource;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The contact attributes outreach is grouped by, and the last applied sequence of the contact. */
@Entity
@Table(name = "outreach_contact")
class OutreachContact extends SequencedRow<UUID> {

    @Id
    @Column(name = "contact_id")
    private UUID contactId;
    @Column(name = "owner_id")
    private String ownerId;
    @Enumerated(EnumType.STRING)
    private ContactSource source;
    private String specialization;

    protected OutreachContact() {
    }

    OutreachContact(UUID contactId, String ownerId, ContactSource source, String specialization) {
        this.contactId = contactId;
        this.ownerId = ownerId;
        this.source = source;
        this.specialization = specialization;
    }

    void specialization(String specialization) {
        this.specialization = specialization;
    }

    @Override
    public UUID getId() {
        return contactId;
    }

    UUID contactId() { return contactId; }
    String ownerId() { return ownerId; }
    ContactSource source() { return source; }
    String specialization() { return specialization; }

    static OutreachContact read(ResultSet row) throws SQLException {
        OutreachContact contact = new OutreachContact();
        contact.contactId = Sql.uuid(row, "contact_id");
        contact.ownerId = row.getString("owner_id");
        contact.source = Sql.enumOf(row, "source", ContactSource.class);
        contact.specialization = row.getString("specialization");
        contact.restored(row.getLong("last_sequence"));
        return contact;
    }
}
