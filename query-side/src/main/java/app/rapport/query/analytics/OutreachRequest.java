package app.rapport.query.analytics;

import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import app.rapport.query.support.Sql;
import app.rapport.query.support.Upsert;
import app.rapport.values.Channel;
import app.rapport.values.ResponseOutcome;
import org.springframework.jdbc.core.RowMapper;

/**
 * The facts of one interview request: how it was sent, what came of it and how it went.
 *
 * @param outcome null while pending; a late answer replaces {@code NO_RESPONSE}
 * @param hoursToResponse only for an actual answer (accepted or declined); giving up is not a response
 * @param nudgedAt when the one nudge was sent; null when the request was not nudged
 * @param answeredLate accepted or declined after the networker had given up on an answer
 * @param channelIgnored sent by another channel than the one the contact preferred then
 * @param modeIgnored scheduled (last) in another mode than the contact's preferred channel then
 * @param locationIgnored scheduled (last) at another place than the contact's preferred one then
 */
record OutreachRequest(UUID interviewId, String ownerId, UUID contactId, Channel channel, Instant requestedAt,
                       ResponseOutcome outcome, Instant respondedAt, Double hoursToResponse, boolean cancelled,
                       Instant heldAt, boolean overran, boolean thankYouWithin24h, Instant nudgedAt,
                       boolean answeredLate, boolean channelIgnored, boolean modeIgnored, boolean locationIgnored) {

    static final RowMapper<OutreachRequest> MAPPER = (row, n) -> new OutreachRequest(Sql.uuid(row, "interview_id"),
            row.getString("owner_id"), Sql.uuid(row, "contact_id"), Sql.enumOf(row, "channel", Channel.class),
            Sql.instant(row, "requested_at"), Sql.enumOf(row, "outcome", ResponseOutcome.class),
            Sql.instant(row, "responded_at"), row.getObject("hours_to_response", Double.class),
            row.getBoolean("cancelled"), Sql.instant(row, "held_at"), row.getBoolean("overran"),
            row.getBoolean("thank_you_within_24h"), Sql.instant(row, "nudged_at"), row.getBoolean("answered_late"),
            row.getBoolean("channel_ignored"), row.getBoolean("mode_ignored"), row.getBoolean("location_ignored"));

    static final Upsert<OutreachRequest> UPSERT = new Upsert<>("""
            INSERT INTO outreach_request (interview_id, owner_id, contact_id, channel, requested_at, outcome,
                responded_at, hours_to_response, cancelled, held_at, overran, thank_you_within_24h, nudged_at,
                answered_late, channel_ignored, mode_ignored, location_ignored)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (interview_id) DO UPDATE SET channel = EXCLUDED.channel,
                requested_at = EXCLUDED.requested_at, outcome = EXCLUDED.outcome,
                responded_at = EXCLUDED.responded_at, hours_to_response = EXCLUDED.hours_to_response,
                cancelled = EXCLUDED.cancelled, held_at = EXCLUDED.held_at, overran = EXCLUDED.overran,
                thank_you_within_24h = EXCLUDED.thank_you_within_24h, nudged_at = EXCLUDED.nudged_at,
                answered_late = EXCLUDED.answered_late, channel_ignored = EXCLUDED.channel_ignored,
                mode_ignored = EXCLUDED.mode_ignored, location_ignored = EXCLUDED.location_ignored""",
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
                statement.setTimestamp(13, Sql.timestamp(request.nudgedAt()));
                statement.setBoolean(14, request.answeredLate());
                statement.setBoolean(15, request.channelIgnored());
                statement.setBoolean(16, request.modeIgnored());
                statement.setBoolean(17, request.locationIgnored());
            });

    /** A request just made: pending, not held. */
    static OutreachRequest requested(UUID interviewId, String ownerId, UUID contactId, Channel channel,
                                     Instant requestedAt, boolean channelIgnored) {
        return new OutreachRequest(interviewId, ownerId, contactId, channel, requestedAt, null, null, null, false,
                null, false, false, null, false, channelIgnored, false, false);
    }

    /** The answer, or giving up on one; an answer after giving up is a late one. */
    OutreachRequest answered(ResponseOutcome answer, Instant at) {
        return with(copy -> {
            copy.answeredLate = outcome == ResponseOutcome.NO_RESPONSE && answer != ResponseOutcome.NO_RESPONSE;
            copy.outcome = answer;
            copy.respondedAt = at;
            copy.hoursToResponse = answer == ResponseOutcome.NO_RESPONSE ? null
                    : Duration.between(requestedAt, at).toMillis() / 3_600_000.0;
        });
    }

    OutreachRequest nudged(Instant at) {
        return with(copy -> copy.nudgedAt = at);
    }

    /** Judged by the last schedule: moving the interview to the contact's place clears it. */
    OutreachRequest scheduled(boolean modeIgnored, boolean locationIgnored) {
        return with(copy -> {
            copy.modeIgnored = modeIgnored;
            copy.locationIgnored = locationIgnored;
        });
    }

    OutreachRequest asCancelled() {
        return with(copy -> copy.cancelled = true);
    }

    OutreachRequest held(Instant at, int agreedMinutes, int actualMinutes) {
        return with(copy -> {
            copy.heldAt = at;
            copy.overran = actualMinutes > agreedMinutes;
        });
    }

    OutreachRequest thanked(Instant at, Duration thankYouWithin) {
        return with(copy -> copy.thankYouWithin24h = heldAt != null && !at.isAfter(heldAt.plus(thankYouWithin)));
    }

    /** A copy to change: an event changes several columns of a row at once. */
    private OutreachRequest with(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    private static final class Copy {
        final OutreachRequest row;
        ResponseOutcome outcome;
        Instant respondedAt;
        Double hoursToResponse;
        boolean cancelled;
        Instant heldAt;
        boolean overran;
        boolean thankYouWithin24h;
        Instant nudgedAt;
        boolean answeredLate;
        boolean modeIgnored;
        boolean locationIgnored;

        Copy(OutreachRequest row) {
            this.row = row;
            outcome = row.outcome;
            respondedAt = row.respondedAt;
            hoursToResponse = row.hoursToResponse;
            cancelled = row.cancelled;
            heldAt = row.heldAt;
            overran = row.overran;
            thankYouWithin24h = row.thankYouWithin24h;
            nudgedAt = row.nudgedAt;
            answeredLate = row.answeredLate;
            modeIgnored = row.modeIgnored;
            locationIgnored = row.locationIgnored;
        }

        /** What a request was asked with (its id, contact, channel, time) never changes after it. */
        OutreachRequest build() {
            return new OutreachRequest(row.interviewId, row.ownerId, row.contactId, row.channel, row.requestedAt,
                    outcome, respondedAt, hoursToResponse, cancelled, heldAt, overran, thankYouWithin24h, nudgedAt,
                    answeredLate, row.channelIgnored, modeIgnored, locationIgnored);
        }
    }
}
