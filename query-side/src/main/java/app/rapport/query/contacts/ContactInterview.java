package app.rapport.query.contacts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import app.rapport.query.support.Sql;
import app.rapport.query.support.StoredRow;
import app.rapport.values.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One interview of a contact, as the contact detail shows it. */
@Entity
@Table(name = "contact_interview")
class ContactInterview extends StoredRow<UUID> {

    @Id
    @Column(name = "interview_id")
    private UUID interviewId;
    @Column(name = "contact_id")
    private UUID contactId;
    @Column(name = "owner_id")
    private String ownerId;
    @Enumerated(EnumType.STRING)
    private InterviewStatus status;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Column(name = "duration_minutes")
    private int durationMinutes;
    private String purpose;
    private String message;
    @Column(name = "requested_at")
    private Instant requestedAt;
    @Column(name = "responded_at")
    private Instant respondedAt;
    @Column(name = "response_note")
    private String responseNote;
    @Column(name = "scheduled_for")
    private Instant scheduledFor;
    @Enumerated(EnumType.STRING)
    private Channel mode;
    private String location;
    @Column(name = "prepared_at")
    private Instant preparedAt;
    @Column(name = "held_at")
    private Instant heldAt;
    @Column(name = "actual_minutes")
    private Integer actualMinutes;
    @Column(name = "thanked_at")
    private Instant thankedAt;
    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    protected ContactInterview() {
    }

    ContactInterview(UUID interviewId, UUID contactId, String ownerId, Channel channel, int durationMinutes,
                     String purpose, String message, Instant requestedAt) {
        this.interviewId = interviewId;
        this.contactId = contactId;
        this.ownerId = ownerId;
        this.channel = channel;
        this.durationMinutes = durationMinutes;
        this.purpose = purpose;
        this.message = message;
        this.requestedAt = requestedAt;
        this.status = InterviewStatus.REQUESTED;
    }

    void answered(InterviewStatus status, String note, Instant at) {
        this.status = status;
        this.responseNote = note;
        this.respondedAt = at;
    }

    void scheduled(Instant scheduledFor, Channel mode, String location) {
        this.status = preparedAt == null ? InterviewStatus.SCHEDULED : InterviewStatus.PREPARED;
        this.scheduledFor = scheduledFor;
        this.mode = mode;
        this.location = location;
    }

    void prepared(Instant at) {
        this.preparedAt = at;
        if (status == InterviewStatus.SCHEDULED || status == InterviewStatus.ACCEPTED) {
            this.status = InterviewStatus.PREPARED;
        }
    }

    void held(Instant heldAt, int actualMinutes) {
        this.status = InterviewStatus.HELD;
        this.heldAt = heldAt;
        this.actualMinutes = actualMinutes;
    }

    void thanked(Instant at) {
        this.status = InterviewStatus.THANKED;
        this.thankedAt = at;
    }

    void cancelled(Instant at) {
        this.status = InterviewStatus.CANCELLED;
        this.cancelledAt = at;
    }

    @Override
    public UUID getId() {
        return interviewId;
    }

    UUID interviewId() { return interviewId; }
    InterviewStatus status() { return status; }
    Channel channel() { return channel; }
    int durationMinutes() { return durationMinutes; }
    String purpose() { return purpose; }
    String message() { return message; }
    Instant requestedAt() { return requestedAt; }
    Instant respondedAt() { return respondedAt; }
    String responseNote() { return responseNote; }
    Instant scheduledFor() { return scheduledFor; }
    Channel mode() { return mode; }
    String location() { return location; }
    Instant preparedAt() { return preparedAt; }
    Instant heldAt() { return heldAt; }
    Integer actualMinutes() { return actualMinutes; }
    Instant thankedAt() { return thankedAt; }
    Instant cancelledAt() { return cancelledAt; }
    UUID contactId() { return contactId; }
    String ownerId() { return ownerId; }

    static ContactInterview read(ResultSet row) throws SQLException {
        ContactInterview interview = new ContactInterview();
        interview.interviewId = Sql.uuid(row, "interview_id");
        interview.contactId = Sql.uuid(row, "contact_id");
        interview.ownerId = row.getString("owner_id");
        interview.status = Sql.enumOf(row, "status", InterviewStatus.class);
        interview.channel = Sql.enumOf(row, "channel", Channel.class);
        interview.durationMinutes = row.getInt("duration_minutes");
        interview.purpose = row.getString("purpose");
        interview.message = row.getString("message");
        interview.requestedAt = Sql.instant(row, "requested_at");
        interview.respondedAt = Sql.instant(row, "responded_at");
        interview.responseNote = row.getString("response_note");
        interview.scheduledFor = Sql.instant(row, "scheduled_for");
        interview.mode = Sql.enumOf(row, "mode", Channel.class);
        interview.location = row.getString("location");
        interview.preparedAt = Sql.instant(row, "prepared_at");
        interview.heldAt = Sql.instant(row, "held_at");
        interview.actualMinutes = Sql.integer(row, "actual_minutes");
        interview.thankedAt = Sql.instant(row, "thanked_at");
        interview.cancelledAt = Sql.instant(row, "cancelled_at");
        return interview;
    }
}
