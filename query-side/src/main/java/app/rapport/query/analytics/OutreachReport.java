package app.rapport.query.analytics;

import java.time.Instant;
import java.util.List;

import app.rapport.query.support.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outreach report's query: counts per group, the rates left to the caller's division. */
@Repository
class OutreachReport {

    /**
     * The counts of one row of the outreach report.
     *
     * @param key the row's value of the first key; a specialization as first written
     * @param secondKey the row's value of the second key; null when grouped by one
     * @param jobInquiries null when grouped by channel: an inquiry is not sent by a channel
     * @param earlyJobInquiries null when grouped by channel, as {@code jobInquiries}
     */
    record Counts(String key, String secondKey, long requests, long accepted, long declined, long noResponse,
                  long pending, Double medianHoursToResponse, long held, long overran, long thankYouWithin24h,
                  long nudged, long respondedAfterNudge, long lateResponses, long ignoredPreferredChannel,
                  long ignoredPreferredLocation, Long jobInquiries, Long earlyJobInquiries) {

        static final RowMapper<Counts> MAPPER = (row, n) -> new Counts(row.getString("key"),
                row.getString("second_key"), row.getLong("requests"),
                row.getLong("accepted"), row.getLong("declined"), row.getLong("no_response"), row.getLong("pending"),
                row.getObject("median_hours_to_response", Double.class), row.getLong("held"),
                row.getLong("overran"), row.getLong("thank_you_within_24h"), row.getLong("nudged"),
                row.getLong("responded_after_nudge"), row.getLong("late_responses"),
                row.getLong("ignored_preferred_channel"), row.getLong("ignored_preferred_location"),
                row.getObject("job_inquiries", Long.class), row.getObject("early_job_inquiries", Long.class));
    }

    private final JdbcClient jdbc;

    OutreachReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The report grouped as {@code groupBy} names it: one key, or two separated by a comma. */
    List<Counts> countOutreach(String ownerId, String groupBy, Instant from, Instant to) {
        return countOutreach(ownerId, OutreachKey.parse(groupBy), from, to);
    }

    /**
     * Requests made in [from, to), counted per group of one key or two, beside the job inquiries
     * made in [from, to) per group (by the contact's source or specialization, or the inquiry's
     * month; none by channel, so none when channel is one of the keys). Rows are in the order of
     * the first key, then the second. A specialization is grouped without case and surrounding
     * space and shown as its earliest recorded spelling among the owner's contacts (surrounding
     * space removed; ties by contact id). The median is the database's {@code percentile_cont},
     * which skips the nulls of requests without an answer. A response after a nudge is any answer
     * to a nudged request: a nudge is only sent before the answer.
     */
    List<Counts> countOutreach(String ownerId, List<OutreachKey> keys, Instant from, Instant to) {
        if (keys.isEmpty() || keys.size() > 2 || keys.stream().distinct().count() != keys.size()) {
            throw new IllegalArgumentException("One key or two distinct ones, not " + keys);
        }
        OutreachKey first = keys.get(0);
        OutreachKey second = keys.size() == 2 ? keys.get(1) : null;
        boolean inquiries = keys.stream().allMatch(key -> key.inquiryKey() != null);
        String sql = """
                WITH requests AS (
                    SELECT %s AS key, %s AS second_key,
                           count(*) AS requests,
                           count(*) FILTER (WHERE r.outcome = 'ACCEPTED') AS accepted,
                           count(*) FILTER (WHERE r.outcome = 'DECLINED') AS declined,
                           count(*) FILTER (WHERE r.outcome = 'NO_RESPONSE') AS no_response,
                           count(*) FILTER (WHERE r.outcome IS NULL AND NOT r.cancelled) AS pending,
                           percentile_cont(0.5) WITHIN GROUP (ORDER BY r.hours_to_response)
                               AS median_hours_to_response,
                           count(*) FILTER (WHERE r.held_at IS NOT NULL) AS held,
                           count(*) FILTER (WHERE r.overran) AS overran,
                           count(*) FILTER (WHERE r.thank_you_within_24h) AS thank_you_within_24h,
                           count(*) FILTER (WHERE r.nudged_at IS NOT NULL) AS nudged,
                           count(*) FILTER (WHERE r.nudged_at IS NOT NULL
                               AND r.outcome IN ('ACCEPTED', 'DECLINED')) AS responded_after_nudge,
                           count(*) FILTER (WHERE r.answered_late) AS late_responses,
                           count(*) FILTER (WHERE r.channel_ignored OR r.mode_ignored)
                               AS ignored_preferred_channel,
                           count(*) FILTER (WHERE r.location_ignored) AS ignored_preferred_location
                    FROM outreach_request r
                    JOIN outreach_contact c ON c.contact_id = r.contact_id AND c.owner_id = r.owner_id
                    WHERE r.owner_id = :ownerId AND r.requested_at >= :from AND r.requested_at < :to
                    GROUP BY 1, 2
                ), inquiries AS (
                    SELECT %s AS key, %s AS second_key,
                           count(*) AS job_inquiries,
                           count(*) FILTER (WHERE i.early) AS early_job_inquiries
                    FROM outreach_job_inquiry i
                    JOIN outreach_contact c ON c.contact_id = i.contact_id AND c.owner_id = i.owner_id
                    WHERE i.owner_id = :ownerId AND i.asked_at >= :from AND i.asked_at < :to AND %s
                    GROUP BY 1, 2
                ), spellings AS (
                    SELECT DISTINCT ON (%s) %s AS folded, btrim(coalesce(c.specialization, '')) AS shown
                    FROM outreach_contact c
                    WHERE c.owner_id = :ownerId
                    ORDER BY %s, c.specialization_recorded_at NULLS LAST, c.contact_id
                ), counted AS (
                    SELECT coalesce(r.key, i.key) AS key, coalesce(r.second_key, i.second_key) AS second_key,
                           coalesce(r.requests, 0) AS requests, coalesce(r.accepted, 0) AS accepted,
                           coalesce(r.declined, 0) AS declined, coalesce(r.no_response, 0) AS no_response,
                           coalesce(r.pending, 0) AS pending, r.median_hours_to_response,
                           coalesce(r.held, 0) AS held, coalesce(r.overran, 0) AS overran,
                           coalesce(r.thank_you_within_24h, 0) AS thank_you_within_24h,
                           coalesce(r.nudged, 0) AS nudged,
                           coalesce(r.responded_after_nudge, 0) AS responded_after_nudge,
                           coalesce(r.late_responses, 0) AS late_responses,
                           coalesce(r.ignored_preferred_channel, 0) AS ignored_preferred_channel,
                           coalesce(r.ignored_preferred_location, 0) AS ignored_preferred_location,
                           %s AS job_inquiries, %s AS early_job_inquiries
                    FROM requests r
                    FULL JOIN inquiries i ON i.key = r.key AND i.second_key IS NOT DISTINCT FROM r.second_key
                )
                SELECT %s AS key, %s AS second_key, counted.requests, counted.accepted, counted.declined,
                       counted.no_response, counted.pending, counted.median_hours_to_response, counted.held,
                       counted.overran, counted.thank_you_within_24h, counted.nudged, counted.responded_after_nudge,
                       counted.late_responses, counted.ignored_preferred_channel,
                       counted.ignored_preferred_location, counted.job_inquiries, counted.early_job_inquiries
                FROM counted
                LEFT JOIN spellings s ON s.folded = %s
                ORDER BY counted.key, counted.second_key""".formatted(
                first.requestKey(), second == null ? "CAST(NULL AS text)" : second.requestKey(),
                inquiries ? first.inquiryKey() : "CAST(NULL AS text)",
                !inquiries || second == null ? "CAST(NULL AS text)" : second.inquiryKey(),
                inquiries ? "true" : "false",
                OutreachKey.FOLDED_SPECIALIZATION, OutreachKey.FOLDED_SPECIALIZATION,
                OutreachKey.FOLDED_SPECIALIZATION,
                inquiries ? "coalesce(i.job_inquiries, 0)" : "CAST(NULL AS bigint)",
                inquiries ? "coalesce(i.early_job_inquiries, 0)" : "CAST(NULL AS bigint)",
                shown(first, "counted.key"), second == null ? "counted.second_key" : shown(second, "counted.second_key"),
                first == OutreachKey.SPECIALIZATION ? "counted.key"
                        : second == OutreachKey.SPECIALIZATION ? "counted.second_key" : "NULL");
        return jdbc.sql(sql).param("ownerId", ownerId)
                .param("from", Sql.timestamp(from)).param("to", Sql.timestamp(to))
                .query(Counts.MAPPER).list();
    }

    /** A key's column as shown: a specialization by its first spelling, any other as grouped. */
    private static String shown(OutreachKey key, String column) {
        return key == OutreachKey.SPECIALIZATION ? "coalesce(s.shown, " + column + ")" : column;
    }
}
