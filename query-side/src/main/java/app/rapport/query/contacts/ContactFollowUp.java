package app.rapport.query.contacts;

import java.time.Instant;
import java.util.UUID;

import app.rapport.query.support.StoredRow;
import app.rapport.values.Channel;
import app.rapport.values.FollowUpKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One follow-up logged with a contact. */
@Entity
@Table(name = "contact_follow_up")
class ContactFollowUp extends StoredRow<UUID> {

    @Id
    @Column(name = "follow_up_id")
    private UUID followUpId;
    @Column(name = "contact_id")
    private UUID contactId;
    @Column(name = "owner_id")
    private String ownerId;
    @Enumerated(EnumType.STRING)
    private FollowUpKind kind;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String note;
    private Instant at;

    protected ContactFollowUp() {
    }

    ContactFollowUp(UUID followUpId, UUID contactId, String ownerId, FollowUpKind kind, Channel channel,
                    String note, Instant at) {
        this.followUpId = followUpId;
        this.contactId = contactId;
        this.ownerId = ownerId;
        this.kind = kind;
        this.channel = channel;
        this.note = note;
        this.at = at;
    }

    @Override
    public UUID getId() {
        return followUpId;
    }

    UUID followUpId() { return followUpId; }
    UUID contactId() { return contactId; }
    String ownerId() { return ownerId; }
    FollowUpKind kind() { return kind; }
    Channel channel() { return channel; }
    String note() { return note; }
    Instant at() { return at; }
}
