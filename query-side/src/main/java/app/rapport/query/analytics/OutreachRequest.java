package app.rapport.query.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import app.rapport.query.support.Sql;
import app.rapport.query.support.StoredRow;
import app.rapport.values.Channel;
import app.rapport.values.ResponseOutcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The facts of one interview request: how it was sent, what came of it and how it went. */
@Entity
@Table(name = "outreach_request")
class OutreachRequest extends StoredRow<UUID> {

    /** The practice: thank within a day of the interview. */
    static final Duration THANK_YOU_WINDOW = Duration.ofHours(24);

    @Id
    @Column(name = "interview_id")
    private UUID interviewId;
    @Column(name = "owner_id")
    private String ownerId;
    @Column(name = "contact_id")
    private UUID contactId;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Column(name = "requested_at")
    private Instant requestedAt;
    /** null while pending */
    @Enumerated(EnumType.STRING)
    private ResponseOutcome outcome;
    @Column(name = "responded_at")
    private Instant respondedAt;
    /** only for an actual answer (accepted or declined); giving up is not a response */
    @Column(name = "hours_to_response")
    private Double hoursToResponse;
    private boolean cancelled;
    @Column(name = "held_at")
    private Instant heldAt;
    private boolean overran;
    @Column(name = "thank_you_within_24h")
    private boolean thankYouWithin24h;

    protected OutreachRequest() {
    }

    OutreachRequest(UUID interviewId, String ownerId, UUID contactId, Channel channel, Instant requestedAt) {
        this.interviewId = interviewId;
        this.ownerId = ownerId;
        this.contactId = contactId;
        this.channel = channel;
        this.requestedAt = requestedAt;
    }

    void answered(ResponseOutcome outcome, Instant at) {
        this.outcome = outcome;
        this.respondedAt = at;
        this.hoursToResponse = outcome == ResponseOutcome.NO_RESPONSE ? null
                : Duration.between(requestedAt, at).toMillis() / 3_600_000.0;
    }

    void cancelled() {
        this.cancelled = true;
    }

    void held(Instant at, int agreedMinutes, int actualMinutes) {
        this.heldAt = at;
        this.overran = actualMinutes > agreedMinutes;
    }

    void thanked(Instant at) {
        this.thankYouWithin24h = heldAt != null && !at.isAfter(heldAt.plus(THANK_YOU_WINDOW));
    }

    @Override
    public UUID getId() {
        return interviewId;
    }

    ResponseOutcome outcome() { return outcome; }
    Double hoursToResponse() { return hoursToResponse; }
    boolean overran() { return overran; }
    boolean thankYouWithin24h() { return thankYouWithin24h; }
    UUID interviewId() { return interviewId; }
    String ownerId() { return ownerId; }
    UUID contactId() { return contactId; }
    Channel channel() { return channel; }
    Instant requestedAt() { return requestedAt; }
    Instant respondedAt() { return respondedAt; }
    boolean isCancelled() { return cancelled; }
    Instant heldAt() { return heldAt; }

    static OutreachRequest read(ResultSet row) throws SQLException {
        OutreachRequest request = new OutreachRequest();
        request.interviewId = Sql.uuid(row, "interview_id");
        request.ownerId = row.getString("owner_id");
        request.contactId = Sql.uuid(row, "contact_id");
        request.channel = Sql.enumOf(row, "channel", Channel.class);
        request.requestedAt = Sql.instant(row, "requested_at");
        request.outcome = Sql.enumOf(row, "outcome", ResponseOutcome.class);
        request.respondedAt = Sql.instant(row, "responded_at");
        double hours = row.getDouble("hours_to_response");
        request.hoursToResponse = row.wasNull() ? null : hours;
        request.cancelled = row.getBoolean("cancelled");
        request.heldAt = Sql.instant(row, "held_at");
        request.overran = row.getBoolean("overran");
        request.thankYouWithin24h = row.getBoolean("thank_you_within_24h");
        return request;
    }
}
