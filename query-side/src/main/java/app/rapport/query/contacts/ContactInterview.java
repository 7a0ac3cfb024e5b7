package app.rapport.query.contacts;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import app.rapport.query.support.Sql;
import app.rapport.query.support.Upsert;
import app.rapport.values.Channel;
import org.springframework.jdbc.core.RowMapper;

/**
 * One interview of a contact, as the contact detail shows it.
 *
 * @param nudgedAt when the networker sent the one nudge an unanswered request deserves; null when not nudged
 */
record ContactInterview(UUID interviewId, UUID contactId, String ownerId, InterviewStatus status, Channel channel,
                        int durationMinutes, String purpose, String message, Instant requestedAt,
                        Instant respondedAt, String responseNote, Instant scheduledFor, Channel mode,
                        String location, Instant preparedAt, Instant heldAt, Integer actualMinutes,
                        Instant thankedAt, Instant cancelledAt, Instant nudgedAt) {

    static final RowMapper<ContactInterview> MAPPER = (row, n) -> new ContactInterview(Sql.uuid(row, "interview_id"),
            Sql.uuid(row, "contact_id"), row.getString("owner_id"), Sql.enumOf(row, "status", InterviewStatus.class),
            Sql.enumOf(row, "channel", Channel.class), row.getInt("duration_minutes"), row.getString("purpose"),
            row.getString("message"), Sql.instant(row, "requested_at"), Sql.instant(row, "responded_at"),
            row.getString("response_note"), Sql.instant(row, "scheduled_for"),
            Sql.enumOf(row, "mode", Channel.class), row.getString("location"), Sql.instant(row, "prepared_at"),
            Sql.instant(row, "held_at"), Sql.integer(row, "actual_minutes"), Sql.instant(row, "thanked_at"),
            Sql.instant(row, "cancelled_at"), Sql.instant(row, "nudged_at"));

    static final Upsert<ContactInterview> UPSERT = new Upsert<>("""
            INSERT INTO contact_interview (interview_id, contact_id, owner_id, status, channel,
                duration_minutes, purpose, message, requested_at, responded_at, response_note, scheduled_for,
                mode, location, prepared_at, held_at, actual_minutes, thanked_at, cancelled_at, nudged_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (interview_id) DO UPDATE SET status = EXCLUDED.status, channel = EXCLUDED.channel,
                message = EXCLUDED.message, requested_at = EXCLUDED.requested_at,
                responded_at = EXCLUDED.responded_at, response_note = EXCLUDED.response_note,
                scheduled_for = EXCLUDED.scheduled_for, mode = EXCLUDED.mode, location = EXCLUDED.location,
                prepared_at = EXCLUDED.prepared_at, held_at = EXCLUDED.held_at,
                actual_minutes = EXCLUDED.actual_minutes, thanked_at = EXCLUDED.thanked_at,
                cancelled_at = EXCLUDED.cancelled_at, nudged_at = EXCLUDED.nudged_at""",
            (statement, interview) -> {
                statement.setObject(1, interview.interviewId());
                statement.setObject(2, interview.contactId());
                statement.setString(3, interview.ownerId());
                statement.setString(4, Sql.name(interview.status()));
                statement.setString(5, Sql.name(interview.channel()));
                statement.setInt(6, interview.durationMinutes());
                statement.setString(7, interview.purpose());
                statement.setString(8, interview.message());
                statement.setTimestamp(9, Sql.timestamp(interview.requestedAt()));
                statement.setTimestamp(10, Sql.timestamp(interview.respondedAt()));
                statement.setString(11, interview.responseNote());
                statement.setTimestamp(12, Sql.timestamp(interview.scheduledFor()));
                statement.setString(13, Sql.name(interview.mode()));
                statement.setString(14, interview.location());
                statement.setTimestamp(15, Sql.timestamp(interview.preparedAt()));
                statement.setTimestamp(16, Sql.timestamp(interview.heldAt()));
                Sql.setInteger(statement, 17, interview.actualMinutes());
                statement.setTimestamp(18, Sql.timestamp(interview.thankedAt()));
                statement.setTimestamp(19, Sql.timestamp(interview.cancelledAt()));
                statement.setTimestamp(20, Sql.timestamp(interview.nudgedAt()));
            });

    /** A request just made. */
    static ContactInterview requested(UUID interviewId, UUID contactId, String ownerId, Channel channel,
                                      int durationMinutes, String purpose, String message, Instant requestedAt) {
        return new ContactInterview(interviewId, contactId, ownerId, InterviewStatus.REQUESTED, channel,
                durationMinutes, purpose, message, requestedAt, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    ContactInterview answered(InterviewStatus status, String note, Instant at) {
        return with(copy -> {
            copy.status = status;
            copy.responseNote = note;
            copy.respondedAt = at;
        });
    }

    ContactInterview scheduled(Instant scheduledFor, Channel mode, String location) {
        return with(copy -> {
            copy.status = preparedAt == null ? InterviewStatus.SCHEDULED : InterviewStatus.PREPARED;
            copy.scheduledFor = scheduledFor;
            copy.mode = mode;
            copy.location = location;
        });
    }

    ContactInterview prepared(Instant at) {
        return with(copy -> {
            copy.preparedAt = at;
            if (status == InterviewStatus.SCHEDULED || status == InterviewStatus.ACCEPTED) {
                copy.status = InterviewStatus.PREPARED;
            }
        });
    }

    ContactInterview held(Instant at, int actualMinutes) {
        return with(copy -> {
            copy.status = InterviewStatus.HELD;
            copy.heldAt = at;
            copy.actualMinutes = actualMinutes;
        });
    }

    ContactInterview thanked(Instant at) {
        return with(copy -> {
            copy.status = InterviewStatus.THANKED;
            copy.thankedAt = at;
        });
    }

    ContactInterview nudged(Instant at) {
        return with(copy -> copy.nudgedAt = at);
    }

    ContactInterview cancelled(Instant at) {
        return with(copy -> {
            copy.status = InterviewStatus.CANCELLED;
            copy.cancelledAt = at;
        });
    }

    /** A copy to change: an event changes several columns of a row at once. */
    private ContactInterview with(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    private static final class Copy {
        UUID interviewId;
        UUID contactId;
        String ownerId;
        InterviewStatus status;
        Channel channel;
        int durationMinutes;
        String purpose;
        String message;
        Instant requestedAt;
        Instant respondedAt;
        String responseNote;
        Instant scheduledFor;
        Channel mode;
        String location;
        Instant preparedAt;
        Instant heldAt;
        Integer actualMinutes;
        Instant thankedAt;
        Instant cancelledAt;
        Instant nudgedAt;

        Copy(ContactInterview row) {
            interviewId = row.interviewId;
            contactId = row.contactId;
            ownerId = row.ownerId;
            status = row.status;
            channel = row.channel;
            durationMinutes = row.durationMinutes;
            purpose = row.purpose;
            message = row.message;
            requestedAt = row.requestedAt;
            respondedAt = row.respondedAt;
            responseNote = row.responseNote;
            scheduledFor = row.scheduledFor;
            mode = row.mode;
            location = row.location;
            preparedAt = row.preparedAt;
            heldAt = row.heldAt;
            actualMinutes = row.actualMinutes;
            thankedAt = row.thankedAt;
            cancelledAt = row.cancelledAt;
            nudgedAt = row.nudgedAt;
        }

        ContactInterview build() {
            return new ContactInterview(interviewId, contactId, ownerId, status, channel, durationMinutes, purpose,
                    message, requestedAt, respondedAt, responseNote, scheduledFor, mode, location, preparedAt,
                    heldAt, actualMinutes, thankedAt, cancelledAt, nudgedAt);
        }
    }
}
