package app.rapport.query.analytics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface OutreachRequestRepository extends Repository<OutreachRequest, UUID> {

    /** The counts of one row of the outreach report; the rates are the caller's division. */
    interface Counts {
        String getKey();
        long getRequests();
        long getAccepted();
        long getDeclined();
        long getNoResponse();
        long getPending();
        Double getMedianHoursToResponse();
        long getHeld();
        long getOverran();
        long getThankYouWithin24h();
    }

    /**
     * Requests made in [from, to), counted per group. The median is the database's
     * {@code percentile_cont}, which skips the nulls of requests without an answer.
     */
    @Query(nativeQuery = true, value = """
            SELECT CASE CAST(:groupBy AS text)
                       WHEN 'channel' THEN r.channel
                       WHEN 'source' THEN c.source
                       WHEN 'specialization' THEN coalesce(c.specialization, '')
                       ELSE to_char(r.requested_at AT TIME ZONE 'UTC', 'YYYY-MM')
                   END AS "key",
                   count(*) AS "requests",
                   count(*) FILTER (WHERE r.outcome = 'ACCEPTED') AS "accepted",
                   count(*) FILTER (WHERE r.outcome = 'DECLINED') AS "declined",
                   count(*) FILTER (WHERE r.outcome = 'NO_RESPONSE') AS "noResponse",
                   count(*) FILTER (WHERE r.outcome IS NULL AND NOT r.cancelled) AS "pending",
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY r.hours_to_response) AS "medianHoursToResponse",
                   count(*) FILTER (WHERE r.held_at IS NOT NULL) AS "held",
                   count(*) FILTER (WHERE r.overran) AS "overran",
                   count(*) FILTER (WHERE r.thank_you_within_24h) AS "thankYouWithin24h"
            FROM outreach_request r
            JOIN outreach_contact c ON c.contact_id = r.contact_id AND c.owner_id = r.owner_id
            WHERE r.owner_id = :ownerId AND r.requested_at >= :from AND r.requested_at < :to
            GROUP BY 1
            ORDER BY 1
            """)
    List<Counts> countOutreach(String ownerId, String groupBy, Instant from, Instant to);
}
