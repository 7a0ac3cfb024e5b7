package app.rapport.query.analytics;

import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import app.rapport.query.support.Sql;
import app.rapport.query.support.Upsert;
import app.rapport.values.Channel;
import app.rapport.values.ResponseOutcome;
import org.springframework.jdbc.core.RowMapper;

/**
 * The facts of one interview request: how it was sent, what came of it and how it went.
 *
 * @param outcome null while pending
 * @param hoursToResponse only for an actual answer (accepted or declined); giving up is not a response
 */
record OutreachRequest(UUID interviewId, String ownerId, UUID contactId, Channel channel, Instant requestedAt,
                       ResponseOutcome outcome, Instant respondedAt, Double hoursToResponse, boolean cancelled,
                       Instant heldAt, boolean overran, boolean thankYouWithin24h) {

    /** The practice: thank within a day of the interview. */

    static final RowMapper<OutreachRequest> MAPPER = (row, n) -> new OutreachRequest(Sql.uuid(row, "interview_id"),
            row.getString("owner_id"), Sql.uuid(row, "contact_id"), Sql.enumOf(row, "channel", Channel.class),
            Sql.instant(row, "requested_at"), Sql.enumOf(row, "outcome", ResponseOutcome.class),
            Sql.instant(row, "responded_at"), row.getObject("hours_to_response", Double.class),
            row.getBoolean("cancelled"), Sql.instant(row, "held_at"), row.getBoolean("overran"),
            row.getBoolean("thank_you_within_24h"));

    static final Upsert<OutreachRequest> UPSERT = new Upsert<>("""
            INSERT INTO outreach_request (interview_id, owner_id, contact_id, channel, requested_at, outcome,
                responded_at, hours_to_response, cancelled, held_at, overran, thank_you_within_24h)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (interview_id) DO UPDATE SET outcome = EXCLUDED.outcome,
                responded_at = EXCLUDED.responded_at, hours_to_response = EXCLUDED.hours_to_response,
                cancelled = EXCLUDED.cancelled, held_at = EXCLUDED.held_at, overran = EXCLUDED.overran,
                thank_you_within_24h = EXCLUDED.thank_you_within_24h""",
            (statement, request) -> {
                statement.setObject(1, request.interviewId());
                statement.setString(2, request.ownerId());
                statement.setObject(3, request.contactId());
                statement.setString(4, Sql.name(request.channel()));
                statement.setTimestamp(5, Sql.timestamp(request.requestedAt()));
                statement.setString(6, Sql.name(request.outcome()));
                statement.setTimestamp(7, Sql.timestamp(request.respondedAt()));
                statement.setObject(8, request.hoursToResponse(), Types.DOUBLE);
                statement.setBoolean(9, request.cancelled());
                statement.setTimestamp(10, Sql.timestamp(request.heldAt()));
                statement.setBoolean(11, request.overran());
                statement.setBoolean(12, request.thankYouWithin24h());
            });

    /** A request just made: pending, not held. */
    static OutreachRequest requested(UUID interviewId, String ownerId, UUID contactId, Channel channel,
                                     Instant requestedAt) {
        return new OutreachRequest(interviewId, ownerId, contactId, channel, requestedAt, null, null, null, false,
                null, false, false);
    }

    OutreachRequest answered(ResponseOutcome outcome, Instant at) {
        Double hours = outcome == ResponseOutcome.NO_RESPONSE ? null
                : Duration.between(requestedAt, at).toMillis() / 3_600_000.0;
        return new OutreachRequest(interviewId, ownerId, contactId, channel, requestedAt, outcome, at, hours,
                cancelled, heldAt, overran, thankYouWithin24h);
    }

    OutreachRequest asCancelled() {
        return new OutreachRequest(interviewId, ownerId, contactId, channel, requestedAt, outcome, respondedAt,
                hoursToResponse, true, heldAt, overran, thankYouWithin24h);
    }

    OutreachRequest held(Instant at, int agreedMinutes, int actualMinutes) {
        return new OutreachRequest(interviewId, ownerId, contactId, channel, requestedAt, outcome, respondedAt,
                hoursToResponse, cancelled, at, actualMinutes > agreedMinutes, thankYouWithin24h);
    }

    OutreachRequest thanked(Instant at, Duration thankYouWithin) {
        boolean inTime = heldAt != null && !at.isAfter(heldAt.plus(thankYouWithin));
        return new OutreachRequest(interviewId, ownerId, contactId, channel, requestedAt, outcome, respondedAt,
                hoursToResponse, cancelled, heldAt, overran, inTime);
    }
}
