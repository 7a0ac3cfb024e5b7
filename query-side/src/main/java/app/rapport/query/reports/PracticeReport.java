package app.rapport.query.reports;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import app.rapport.platform.PracticeSettings;
import app.rapport.query.support.PagedResult;
import app.rapport.query.support.Paging;
import app.rapport.query.support.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The practice report's queries: counts of what was done well in a period, and the slips, judged
 * at a moment by the practice settings. The windows come from their one record and reach
 * PostgreSQL as ISO-8601 intervals, so the SQL holds no second copy of them. The rules, and which
 * population each count is of, are in docs/reports.md.
 */
@Repository
class PracticeReport {

    /**
     * The counts of the report; every rate is one count divided by the one named on it.
     *
     * @param held interviews held in the period: the denominator of the counts up to {@code thankedAtEnd}
     * @param thankYousDue held interviews thanked already, or whose thank-you window has closed by the moment
     * @param nudgesDue requests whose nudge came due in the period, by the moment, while unanswered
     * @param nudgesSent of those, the ones nudged
     * @param jobInquiries job inquiries made in the period
     * @param requestsWithPreferredChannel requests made in the period to a contact with a preferred
     *        channel (when requested, or when last scheduled)
     * @param ignoredPreferredChannel of those, the ones requested or last scheduled by another channel
     * @param commitmentsDue promises due in the period that were kept or dropped, or whose due time
     *        passed by the moment
     * @param commitmentsKeptOnTime of those, the ones kept by their due time
     */
    record Counts(long held, long keptToTime, long preparedInTime, long thankedAtStart, long introducedSelf,
                  long askedForReferrals, long thankedAtEnd, long thankYousDue, long thankYouInTime, long nudgesDue,
                  long nudgesSent, long jobInquiries, long earlyJobInquiries, long requestsWithPreferredChannel,
                  long ignoredPreferredChannel, long commitmentsDue, long commitmentsKeptOnTime) {

        static final RowMapper<Counts> MAPPER = (row, n) -> new Counts(row.getLong("held"),
                row.getLong("kept_to_time"), row.getLong("prepared_in_time"), row.getLong("thanked_at_start"),
                row.getLong("introduced_self"), row.getLong("asked_for_referrals"), row.getLong("thanked_at_end"),
                row.getLong("thank_yous_due"), row.getLong("thank_you_in_time"), row.getLong("nudges_due"),
                row.getLong("nudges_sent"), row.getLong("job_inquiries"), row.getLong("early_job_inquiries"),
                row.getLong("requests_with_preferred_channel"), row.getLong("ignored_preferred_channel"),
                row.getLong("commitments_due"), row.getLong("commitments_kept_on_time"));
    }

    /**
     * One slip.
     *
     * @param interviewId null for a job inquiry, and for a promise made outside an interview
     * @param at the time of the entry the slip is about (the hold, the thank-you, the preparation,
     *        the request or schedule, the inquiry, the promise kept late or dropped), or the deadline
     *        missed when there is no entry
     */
    record Slip(UUID contactId, String contactName, UUID interviewId, Instant at, Lapse flag) {

        static final RowMapper<Slip> MAPPER = (row, n) -> new Slip(Sql.uuid(row, "contact_id"),
                row.getString("contact_name"), Sql.uuid(row, "interview_id"), Sql.instant(row, "at"),
                Lapse.valueOf(row.getString("flag")));
    }

    /** The interviews held in the period. */
    private static final String HELD = """
            owner_id = :ownerId AND held_at >= :from AND held_at < :to""";
    /** The requests made in the period. */
    private static final String REQUESTED = """
            owner_id = :ownerId AND requested_at >= :from AND requested_at < :to""";
    /** The requests whose nudge came due in the period and by the moment, still unanswered then. */
    private static final String NUDGE_DUE = """
            owner_id = :ownerId
            AND requested_at + CAST(:nudgeAfter AS interval) >= :from
            AND requested_at + CAST(:nudgeAfter AS interval) < :to
            AND requested_at + CAST(:nudgeAfter AS interval) <= :moment
            AND (closed_at IS NULL OR closed_at >= requested_at + CAST(:nudgeAfter AS interval))""";
    private static final String PREPARED_IN_TIME = """
            prepared_at IS NOT NULL AND scheduled_for IS NOT NULL
            AND prepared_at <= scheduled_for - CAST(:prepareBefore AS interval)""";
    private static final String THANKED_IN_TIME = """
            thanked_at IS NOT NULL AND thanked_at <= held_at + CAST(:thankYouWithin AS interval)""";
    private static final String THANK_YOU_DUE = """
            (thanked_at IS NOT NULL OR held_at + CAST(:thankYouWithin AS interval) <= :moment)""";
    private static final String INQUIRED = """
            owner_id = :ownerId AND asked_at >= :from AND asked_at < :to""";
    /** The promises due in the period, kept, dropped or past due by the moment; a promise without a date is never due. */
    private static final String COMMITMENT_DUE = """
            owner_id = :ownerId AND due_by >= :from AND due_by < :to
            AND (kept_at IS NOT NULL OR dropped_at IS NOT NULL OR due_by <= :moment)""";

    private static final String COUNTS = """
            SELECT h.held, h.kept_to_time, h.prepared_in_time, h.thanked_at_start, h.introduced_self,
                   h.asked_for_referrals, h.thanked_at_end, h.thank_yous_due, h.thank_you_in_time,
                   n.nudges_due, n.nudges_sent, j.job_inquiries, j.early_job_inquiries,
                   r.requests_with_preferred_channel, r.ignored_preferred_channel,
                   c.commitments_due, c.commitments_kept_on_time
            FROM (SELECT count(*) AS held,
                         count(*) FILTER (WHERE actual_minutes <= agreed_minutes) AS kept_to_time,
                         count(*) FILTER (WHERE %s) AS prepared_in_time,
                         count(*) FILTER (WHERE thanked_at_start) AS thanked_at_start,
                         count(*) FILTER (WHERE introduced_self) AS introduced_self,
                         count(*) FILTER (WHERE asked_for_referrals) AS asked_for_referrals,
                         count(*) FILTER (WHERE thanked_at_end) AS thanked_at_end,
                         count(*) FILTER (WHERE %s) AS thank_yous_due,
                         count(*) FILTER (WHERE %s) AS thank_you_in_time
                  FROM report_interview WHERE %s) h,
                 (SELECT count(*) AS nudges_due,
                         count(*) FILTER (WHERE nudged_at IS NOT NULL) AS nudges_sent
                  FROM report_interview WHERE %s) n,
                 (SELECT count(*) AS job_inquiries,
                         count(*) FILTER (WHERE early) AS early_job_inquiries
                  FROM report_job_inquiry WHERE %s) j,
                 (SELECT count(*) FILTER (WHERE channel_judged OR mode_judged) AS requests_with_preferred_channel,
                         count(*) FILTER (WHERE channel_ignored OR mode_ignored) AS ignored_preferred_channel
                  FROM report_interview WHERE %s) r,
                 (SELECT count(*) AS commitments_due,
                         count(*) FILTER (WHERE kept_at IS NOT NULL AND kept_at <= due_by) AS commitments_kept_on_time
                  FROM report_commitment WHERE %s) c"""
            .formatted(PREPARED_IN_TIME, THANK_YOU_DUE, THANKED_IN_TIME, HELD, NUDGE_DUE, INQUIRED, REQUESTED,
                    COMMITMENT_DUE);

    /**
     * Every slip of the period, one row per lapse, with a key that orders slips of the same time,
     * contact and flag (a contact's job inquiries have no interview).
     */
    private static final String SLIPS = """
            SELECT contact_id, interview_id, held_at AS at, 'OVERRAN' AS flag, interview_id::text AS entry
              FROM report_interview WHERE %1$s AND actual_minutes > agreed_minutes
            UNION ALL
            SELECT contact_id, interview_id, held_at, 'UNPREPARED', interview_id::text
              FROM report_interview WHERE %1$s AND prepared_at IS NULL
            UNION ALL
            SELECT contact_id, interview_id, prepared_at, 'PREPARED_LATE', interview_id::text
              FROM report_interview WHERE %1$s AND prepared_at IS NOT NULL AND NOT (%2$s)
            UNION ALL
            SELECT contact_id, interview_id, held_at, 'SKIPPED_THANKS_AT_START', interview_id::text
              FROM report_interview WHERE %1$s AND NOT thanked_at_start
            UNION ALL
            SELECT contact_id, interview_id, held_at, 'SKIPPED_INTRODUCTION', interview_id::text
              FROM report_interview WHERE %1$s AND NOT introduced_self
            UNION ALL
            SELECT contact_id, interview_id, held_at, 'SKIPPED_REFERRAL_QUESTION', interview_id::text
              FROM report_interview WHERE %1$s AND NOT asked_for_referrals
            UNION ALL
            SELECT contact_id, interview_id, held_at, 'SKIPPED_THANKS_AT_END', interview_id::text
              FROM report_interview WHERE %1$s AND NOT thanked_at_end
            UNION ALL
            SELECT contact_id, interview_id, thanked_at, 'LATE_THANK_YOU', interview_id::text
              FROM report_interview WHERE %1$s AND thanked_at IS NOT NULL AND NOT (%3$s)
            UNION ALL
            SELECT contact_id, interview_id, held_at + CAST(:thankYouWithin AS interval), 'NO_THANK_YOU',
                   interview_id::text
              FROM report_interview WHERE %1$s AND thanked_at IS NULL AND %4$s
            UNION ALL
            SELECT contact_id, interview_id, requested_at + CAST(:nudgeAfter AS interval), 'NO_NUDGE',
                   interview_id::text
              FROM report_interview WHERE %5$s AND nudged_at IS NULL
            UNION ALL
            SELECT contact_id, NULL, asked_at, 'EARLY_JOB_INQUIRY', entry_id
              FROM report_job_inquiry WHERE %6$s AND early
            UNION ALL
            SELECT contact_id, interview_id, CASE WHEN channel_ignored THEN requested_at ELSE scheduled_at END,
                   'IGNORED_PREFERRED_CHANNEL', interview_id::text
              FROM report_interview WHERE %7$s AND (channel_ignored OR mode_ignored)
            UNION ALL
            SELECT contact_id, interview_id, kept_at, 'COMMITMENT_KEPT_LATE', commitment_id::text
              FROM report_commitment WHERE %8$s AND kept_at > due_by
            UNION ALL
            SELECT contact_id, interview_id, dropped_at, 'COMMITMENT_DROPPED', commitment_id::text
              FROM report_commitment WHERE %8$s AND kept_at IS NULL AND dropped_at IS NOT NULL
            UNION ALL
            SELECT contact_id, interview_id, due_by, 'COMMITMENT_NOT_KEPT', commitment_id::text
              FROM report_commitment WHERE %8$s AND kept_at IS NULL AND dropped_at IS NULL"""
            .formatted(HELD, PREPARED_IN_TIME, THANKED_IN_TIME, THANK_YOU_DUE, NUDGE_DUE, INQUIRED, REQUESTED,
                    COMMITMENT_DUE);

    private final JdbcClient jdbc;
    private final PracticeSettings practice;

    PracticeReport(JdbcClient jdbc, PracticeSettings practice) {
        this.jdbc = jdbc;
        this.practice = practice;
    }

    /** The counts for the period [from, to), with deadlines judged at {@code moment}. */
    Counts countPractice(String ownerId, Instant from, Instant to, Instant moment) {
        return jdbc.sql(COUNTS).params(parameters(ownerId, from, to, moment)).query(Counts.MAPPER).single();
    }

    /** One page of the period's slips, oldest first. */
    PagedResult<Slip> findSlips(String ownerId, Instant from, Instant to, Instant moment, int page, int size) {
        return Paging.select(jdbc, """
                        FROM (SELECT s.*, c.name AS contact_name
                              FROM (%s) s
                              LEFT JOIN report_contact c ON c.contact_id = s.contact_id AND c.owner_id = :ownerId) slip"""
                        .formatted(SLIPS),
                "at, contact_id, flag COLLATE \"C\", entry COLLATE \"C\"",
                parameters(ownerId, from, to, moment), Slip.MAPPER, page, size);
    }

    private Map<String, Object> parameters(String ownerId, Instant from, Instant to, Instant moment) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("ownerId", ownerId);
        parameters.put("from", Sql.timestamp(from));
        parameters.put("to", Sql.timestamp(to));
        parameters.put("moment", Sql.timestamp(moment));
        // ISO-8601 durations, which PostgreSQL reads as intervals: the one record's windows, not copies
        parameters.put("prepareBefore", practice.prepareBefore().toString());
        parameters.put("thankYouWithin", practice.thankYouWithin().toString());
        parameters.put("nudgeAfter", practice.nudgeAfter().toString());
        return parameters;
    }
}
