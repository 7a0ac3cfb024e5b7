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

    /** The counts of one row of the outreach report. */
    record Counts(String key, long requests, long accepted, long declined, long noResponse, long pending,
                  Double medianHoursToResponse, long held, long overran, long thankYouWithin24h) {

        static final RowMapper<Counts> MAPPER = (row, n) -> new Counts(row.getString("key"), row.getLong("requests"),
                row.getLong("accepted"), row.getLong("declined"), row.getLong("no_response"), row.getLong("pending"),
                row.getObject("median_hours_to_response", Double.class), row.getLong("held"),
                row.getLong("overran"), row.getLong("thank_you_within_24h"));
    }

    private final JdbcClient jdbc;

    OutreachReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Requests made in [from, to), counted per group ({@code channel}, {@code source},
     * {@code specialization} or {@code month}). The median is the database's {@code percentile_cont},
     * which skips the nulls of requests without an answer.
     */
    List<Counts> countOutreach(String ownerId, String groupBy, Instant from, Instant to) {
        return jdbc.sql("""
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
                               count(*) FILTER (WHERE r.thank_you_within_24h) AS thank_you_within_24h
                        FROM outreach_request r
                        JOIN outreach_contact c ON c.contact_id = r.contact_id AND c.owner_id = r.owner_id
                        WHERE r.owner_id = :ownerId AND r.requested_at >= :from AND r.requested_at < :to
                        GROUP BY 1
                        ORDER BY 1""")
                .param("groupBy", groupBy).param("ownerId", ownerId)
                .param("from", Sql.timestamp(from)).param("to", Sql.timestamp(to))
                .query(Counts.MAPPER).list();
    }
}
