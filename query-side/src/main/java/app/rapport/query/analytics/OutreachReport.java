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
     * @param jobInquiries null when grouped by channel: an inquiry is not sent by a channel
     * @param earlyJobInquiries null when grouped by channel, as {@code jobInquiries}
     */
    record Counts(String key, long requests, long accepted, long declined, long noResponse, long pending,
                  Double medianHoursToResponse, long held, long overran, long thankYouWithin24h, long nudged,
                  long respondedAfterNudge, long lateResponses, long ignoredPreferredChannel,
                  long ignoredPreferredLocation, Long jobInquiries, Long earlyJobInquiries) {

        static final RowMapper<Counts> MAPPER = (row, n) -> new Counts(row.getString("key"), row.getLong("requests"),
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

    /**
     * Requests made in [from, to), counted per group ({@code channel}, {@code source},
     * {@code specialization} or {@code month}), beside the job inquiries made in [from, to) per
     * group (by the contact's source or specialization, or the inquiry's month; none by channel).
     * The median is the database's {@code percentile_cont}, which skips the nulls of requests
     * without an answer. A response after a nudge is any answer to a nudged request: a nudge is
     * only sent before the answer.
     */
    List<Counts> countOutreach(String ownerId, String groupBy, Instant from, Instant to) {
        return jdbc.sql("""
                        WITH requests AS (
                            SELECT CASE CAST(:groupBy AS text)
                                       WHEN 'channel' THEN r.channel
                                       WHEN 'source' THEN c.source
                                       WHEN 'specialization' THEN coalesce(c.specialization, '')
                                       ELSE to_char(r.requested_at AT TIME ZONE 'UTC', 'YYYY-MM')
                                   END AS key,
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
                            GROUP BY 1
                        ), inquiries AS (
                            SELECT CASE CAST(:groupBy AS text)
                                       WHEN 'source' THEN c.source
                                       WHEN 'specialization' THEN coalesce(c.specialization, '')
                                       ELSE to_char(i.asked_at AT TIME ZONE 'UTC', 'YYYY-MM')
                                   END AS key,
                                   count(*) AS job_inquiries,
                                   count(*) FILTER (WHERE i.early) AS early_job_inquiries
                            FROM outreach_job_inquiry i
                            JOIN outreach_contact c ON c.contact_id = i.contact_id AND c.owner_id = i.owner_id
                            WHERE i.owner_id = :ownerId AND i.asked_at >= :from AND i.asked_at < :to
                              AND CAST(:groupBy AS text) <> 'channel'
                            GROUP BY 1
                        )
                        SELECT coalesce(r.key, i.key) AS key,
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
                               CASE WHEN CAST(:groupBy AS text) = 'channel' THEN NULL
                                    ELSE coalesce(i.job_inquiries, 0) END AS job_inquiries,
                               CASE WHEN CAST(:groupBy AS text) = 'channel' THEN NULL
                                    ELSE coalesce(i.early_job_inquiries, 0) END AS early_job_inquiries
                        FROM requests r
                        FULL JOIN inquiries i ON i.key = r.key
                        ORDER BY 1""")
                .param("groupBy", groupBy).param("ownerId", ownerId)
                .param("from", Sql.timestamp(from)).param("to", Sql.timestamp(to))
                .query(Counts.MAPPER).list();
    }
}
