package app.rapport.query.reports;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import app.rapport.query.support.Sql;
import app.rapport.query.support.Upsert;
import app.rapport.values.InterviewChecklist;
import org.springframework.jdbc.core.RowMapper;

/**
 * What the practice report judges about one interview request: times and facts, no windows (the
 * query judges them by the practice settings, read from their one record).
 *
 * @param channelJudged the contact had a preferred channel when the request was made
 * @param channelIgnored the request went by another channel than that one
 * @param closedAt the earliest answer, giving up on one or cancellation: what closes the nudge the
 *        request would otherwise be owed
 * @param nudgedAt when the one nudge was sent; null when none was
 * @param scheduledAt when the last schedule was recorded (its {@code at}); null before any
 * @param scheduledFor the time the interview was last scheduled for
 * @param modeJudged the contact had a preferred channel when the interview was last scheduled
 * @param modeIgnored the last schedule's mode was another channel than that one
 * @param preparedAt the earliest preparation; null when it was never prepared
 * @param heldAt when it was held; null while it was not
 * @param agreedMinutes the time box, as the hold copied it from the request; null while not held
 * @param actualMinutes how long it lasted; null while not held
 * @param thankedAt when the thank-you was sent; null while it was not
 */
record ReportInterview(UUID interviewId, String ownerId, UUID contactId, Instant requestedAt, boolean channelJudged,
                       boolean channelIgnored, Instant closedAt, Instant nudgedAt, Instant scheduledAt,
                       Instant scheduledFor, boolean modeJudged, boolean modeIgnored, Instant preparedAt,
                       Instant heldAt, Integer agreedMinutes, Integer actualMinutes, boolean thankedAtStart,
                       boolean introducedSelf, boolean askedForReferrals, boolean thankedAtEnd, Instant thankedAt) {

    static final RowMapper<ReportInterview> MAPPER = (row, n) -> new ReportInterview(Sql.uuid(row, "interview_id"),
            row.getString("owner_id"), Sql.uuid(row, "contact_id"), Sql.instant(row, "requested_at"),
            row.getBoolean("channel_judged"), row.getBoolean("channel_ignored"), Sql.instant(row, "closed_at"),
            Sql.instant(row, "nudged_at"), Sql.instant(row, "scheduled_at"), Sql.instant(row, "scheduled_for"),
            row.getBoolean("mode_judged"), row.getBoolean("mode_ignored"), Sql.instant(row, "prepared_at"),
            Sql.instant(row, "held_at"), Sql.integer(row, "agreed_minutes"), Sql.integer(row, "actual_minutes"),
            row.getBoolean("thanked_at_start"), row.getBoolean("introduced_self"),
            row.getBoolean("asked_for_referrals"), row.getBoolean("thanked_at_end"), Sql.instant(row, "thanked_at"));

    static final Upsert<ReportInterview> UPSERT = new Upsert<>("""
            INSERT INTO report_interview (interview_id, owner_id, contact_id, requested_at, channel_judged,
                channel_ignored, closed_at, nudged_at, scheduled_at, scheduled_for, mode_judged, mode_ignored,
                prepared_at, held_at, agreed_minutes, actual_minutes, thanked_at_start, introduced_self,
                asked_for_referrals, thanked_at_end, thanked_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (interview_id) DO UPDATE SET requested_at = EXCLUDED.requested_at,
                channel_judged = EXCLUDED.channel_judged, channel_ignored = EXCLUDED.channel_ignored,
                closed_at = EXCLUDED.closed_at, nudged_at = EXCLUDED.nudged_at,
                scheduled_at = EXCLUDED.scheduled_at, scheduled_for = EXCLUDED.scheduled_for,
                mode_judged = EXCLUDED.mode_judged, mode_ignored = EXCLUDED.mode_ignored,
                prepared_at = EXCLUDED.prepared_at, held_at = EXCLUDED.held_at,
                agreed_minutes = EXCLUDED.agreed_minutes, actual_minutes = EXCLUDED.actual_minutes,
                thanked_at_start = EXCLUDED.thanked_at_start, introduced_self = EXCLUDED.introduced_self,
                asked_for_referrals = EXCLUDED.asked_for_referrals, thanked_at_end = EXCLUDED.thanked_at_end,
                thanked_at = EXCLUDED.thanked_at""",
            (statement, interview) -> {
                statement.setObject(1, interview.interviewId());
                statement.setString(2, interview.ownerId());
                statement.setObject(3, interview.contactId());
                statement.setTimestamp(4, Sql.timestamp(interview.requestedAt()));
                statement.setBoolean(5, interview.channelJudged());
                statement.setBoolean(6, interview.channelIgnored());
                statement.setTimestamp(7, Sql.timestamp(interview.closedAt()));
                statement.setTimestamp(8, Sql.timestamp(interview.nudgedAt()));
                statement.setTimestamp(9, Sql.timestamp(interview.scheduledAt()));
                statement.setTimestamp(10, Sql.timestamp(interview.scheduledFor()));
                statement.setBoolean(11, interview.modeJudged());
                statement.setBoolean(12, interview.modeIgnored());
                statement.setTimestamp(13, Sql.timestamp(interview.preparedAt()));
                statement.setTimestamp(14, Sql.timestamp(interview.heldAt()));
                Sql.setInteger(statement, 15, interview.agreedMinutes());
                Sql.setInteger(statement, 16, interview.actualMinutes());
                statement.setBoolean(17, interview.thankedAtStart());
                statement.setBoolean(18, interview.introducedSelf());
                statement.setBoolean(19, interview.askedForReferrals());
                statement.setBoolean(20, interview.thankedAtEnd());
                statement.setTimestamp(21, Sql.timestamp(interview.thankedAt()));
            });

    /** A request just made: open, not scheduled, not held. */
    static ReportInterview requested(UUID interviewId, String ownerId, UUID contactId, Instant at,
                                     boolean channelJudged, boolean channelIgnored) {
        return new ReportInterview(interviewId, ownerId, contactId, at, channelJudged, channelIgnored, null, null,
                null, null, false, false, null, null, null, null, false, false, false, false, null);
    }

    /** Answered, given up on or cancelled: the earliest of these closes the request's nudge. */
    ReportInterview closed(Instant at) {
        return with(copy -> copy.closedAt = earliest(closedAt, at));
    }

    ReportInterview nudged(Instant at) {
        return with(copy -> copy.nudgedAt = at);
    }

    /** Judged by the last schedule: moving the interview moves what it is prepared and judged against. */
    ReportInterview scheduled(Instant at, Instant scheduledFor, boolean modeJudged, boolean modeIgnored) {
        return with(copy -> {
            copy.scheduledAt = at;
            copy.scheduledFor = scheduledFor;
            copy.modeJudged = modeJudged;
            copy.modeIgnored = modeIgnored;
        });
    }

    /** The earliest preparation is the one that could be in time. */
    ReportInterview prepared(Instant at) {
        return with(copy -> copy.preparedAt = earliest(preparedAt, at));
    }

    ReportInterview held(Instant at, int agreed, int actual, InterviewChecklist checklist) {
        InterviewChecklist done = checklist == null ? new InterviewChecklist(false, false, false, false) : checklist;
        return with(copy -> {
            copy.heldAt = at;
            copy.agreedMinutes = agreed;
            copy.actualMinutes = actual;
            copy.thankedAtStart = done.thankedAtStart();
            copy.introducedSelf = done.introducedSelf();
            copy.askedForReferrals = done.askedForReferrals();
            copy.thankedAtEnd = done.thankedAtEnd();
        });
    }

    ReportInterview thanked(Instant at) {
        return with(copy -> copy.thankedAt = at);
    }

    private static Instant earliest(Instant known, Instant at) {
        return known == null || at.isBefore(known) ? at : known;
    }

    /** A copy to change: an event changes several columns of a row at once. */
    private ReportInterview with(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    private static final class Copy {
        final ReportInterview row;
        Instant closedAt;
        Instant nudgedAt;
        Instant scheduledAt;
        Instant scheduledFor;
        boolean modeJudged;
        boolean modeIgnored;
        Instant preparedAt;
        Instant heldAt;
        Integer agreedMinutes;
        Integer actualMinutes;
        boolean thankedAtStart;
        boolean introducedSelf;
        boolean askedForReferrals;
        boolean thankedAtEnd;
        Instant thankedAt;

        Copy(ReportInterview row) {
            this.row = row;
            closedAt = row.closedAt;
            nudgedAt = row.nudgedAt;
            scheduledAt = row.scheduledAt;
            scheduledFor = row.scheduledFor;
            modeJudged = row.modeJudged;
            modeIgnored = row.modeIgnored;
            preparedAt = row.preparedAt;
            heldAt = row.heldAt;
            agreedMinutes = row.agreedMinutes;
            actualMinutes = row.actualMinutes;
            thankedAtStart = row.thankedAtStart;
            introducedSelf = row.introducedSelf;
            askedForReferrals = row.askedForReferrals;
            thankedAtEnd = row.thankedAtEnd;
            thankedAt = row.thankedAt;
        }

        /** What a request was asked with (its id, contact, time, channel) never changes after it. */
        ReportInterview build() {
            return new ReportInterview(row.interviewId, row.ownerId, row.contactId, row.requestedAt,
                    row.channelJudged, row.channelIgnored, closedAt, nudgedAt, scheduledAt, scheduledFor, modeJudged,
                    modeIgnored, preparedAt, heldAt, agreedMinutes, actualMinutes, thankedAtStart, introducedSelf,
                    askedForReferrals, thankedAtEnd, thankedAt);
        }
    }
}
