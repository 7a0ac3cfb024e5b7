package app.rapport.query.contacts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import app.rapport.query.support.SequencedRow;
import app.rapport.query.support.Sql;
import app.rapport.values.Channel;
import app.rapport.values.ContactDetails;
import app.rapport.values.ContactSource;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row of the contact list. */
@Entity
@Table(name = "contact")
class Contact extends SequencedRow<UUID> {

    @Id
    @Column(name = "contact_id")
    private UUID contactId;
    @Column(name = "owner_id")
    private String ownerId;
    private String name;
    private String organization;
    private String role;
    private String specialization;
    @Enumerated(EnumType.STRING)
    private ContactSource source;
    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_channel")
    private Channel preferredChannel;
    @Column(name = "preferred_location")
    private String preferredLocation;
    private String email;
    private String phone;
    private String notes;
    @Column(name = "referred_by")
    private UUID referredBy;
    @Column(name = "cadence_days")
    private int cadenceDays;
    @Enumerated(EnumType.STRING)
    private Stage stage;
    private boolean archived;
    @Column(name = "added_at")
    private Instant addedAt;
    @Column(name = "last_touch_at")
    private Instant lastTouchAt;
    @Column(name = "next_follow_up_due")
    private Instant nextFollowUpDue;
    @Column(name = "last_follow_up_at")
    private Instant lastFollowUpAt;

    protected Contact() {
    }

    Contact(UUID contactId, String ownerId, ContactSource source, UUID referredBy, int cadenceDays, Instant addedAt) {
        this.contactId = contactId;
        this.ownerId = ownerId;
        this.source = source;
        this.referredBy = referredBy;
        this.cadenceDays = cadenceDays;
        this.addedAt = addedAt;
        this.stage = Stage.NEW;
    }

    void describe(ContactDetails details) {
        if (details == null) {
            return;
        }
        this.name = details.name() == null ? name : details.name();
        this.organization = details.organization();
        this.role = details.role();
        this.specialization = details.specialization();
        this.preferredChannel = details.preferredChannel();
        this.preferredLocation = details.preferredLocation();
        this.email = details.email();
        this.phone = details.phone();
        this.notes = details.notes();
    }

    void cadence(int days) {
        this.cadenceDays = days;
    }

    void archived(boolean archived) {
        this.archived = archived;
    }

    /** Touches only move forward: an interaction logged late does not pull the last touch back. */
    void touched(Instant at) {
        if (at != null && (lastTouchAt == null || at.isAfter(lastTouchAt))) {
            lastTouchAt = at;
        }
    }

    /** The newest follow-up decides whether a thanked contact has been kept in touch with. */
    void followedUp(Instant at) {
        if (lastFollowUpAt == null || at.isAfter(lastFollowUpAt)) {
            lastFollowUpAt = at;
        }
    }

    void progress(Stage stage) {
        this.stage = stage;
        this.nextFollowUpDue = stage.keepsInTouch() && lastTouchAt != null
                ? lastTouchAt.plus(Duration.ofDays(cadenceDays)) : null;
    }

    @Override
    public UUID getId() {
        return contactId;
    }

    UUID contactId() { return contactId; }
    String ownerId() { return ownerId; }
    String name() { return name; }
    String organization() { return organization; }
    String role() { return role; }
    String specialization() { return specialization; }
    ContactSource source() { return source; }
    Channel preferredChannel() { return preferredChannel; }
    String preferredLocation() { return preferredLocation; }
    String email() { return email; }
    String phone() { return phone; }
    String notes() { return notes; }
    UUID referredBy() { return referredBy; }
    int cadenceDays() { return cadenceDays; }
    Stage stage() { return stage; }
    boolean archived() { return archived; }
    Instant addedAt() { return addedAt; }
    Instant lastTouchAt() { return lastTouchAt; }
    Instant nextFollowUpDue() { return nextFollowUpDue; }
    Instant lastFollowUpAt() { return lastFollowUpAt; }

    static Contact read(ResultSet row) throws SQLException {
        Contact contact = new Contact();
        contact.contactId = Sql.uuid(row, "contact_id");
        contact.ownerId = row.getString("owner_id");
        contact.name = row.getString("name");
        contact.organization = row.getString("organization");
        contact.role = row.getString("role");
        contact.specialization = row.getString("specialization");
        contact.source = Sql.enumOf(row, "source", ContactSource.class);
        contact.preferredChannel = Sql.enumOf(row, "preferred_channel", Channel.class);
        contact.preferredLocation = row.getString("preferred_location");
        contact.email = row.getString("email");
        contact.phone = row.getString("phone");
        contact.notes = row.getString("notes");
        contact.referredBy = Sql.uuid(row, "referred_by");
        contact.cadenceDays = row.getInt("cadence_days");
        contact.stage = Sql.enumOf(row, "stage", Stage.class);
        contact.archived = row.getBoolean("archived");
        contact.addedAt = Sql.instant(row, "added_at");
        contact.lastTouchAt = Sql.instant(row, "last_touch_at");
        contact.nextFollowUpDue = Sql.instant(row, "next_follow_up_due");
        contact.lastFollowUpAt = Sql.instant(row, "last_follow_up_at");
        contact.restored(row.getLong("last_sequence"));
        return contact;
    }
}
