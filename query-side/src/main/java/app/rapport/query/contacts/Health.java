package app.rapport.query.contacts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;

/**
 * How well a relationship is being kept, judged at a moment: a score from 0 to 100, its band and
 * the reasons. The rule is in {@code docs/health.md}; its formula is written once, in SQL
 * ({@link #JUDGED_CONTACTS}), so that the contact list can be sorted by it and every moment
 * ("now", or an {@code asOf}) is judged by the same statement. This class only puts into words the
 * facts and points that statement returns.
 *
 * @param reasons short phrases, recency first, then the answers to requests, the thank-yous and
 *        the promises
 */
record Health(int score, Band band, List<String> reasons) {

    /** The score's band: {@code STRONG} from 85, {@code WARM} from 65, {@code COOLING} from 45, else {@code COLD}. */
    enum Band {
        STRONG, WARM, COOLING, COLD
    }

    /**
     * The owner's contacts with the facts health is judged by and the judgement, as a table with
     * every column of {@code contact} and the {@code health_…} ones, for {@code FROM} in the
     * contact queries. Parameters: {@code :ownerId}, {@code :now} (the moment judged),
     * {@code :nudgeAfter} and {@code :thankYouWithin} (the practice's windows, as ISO-8601
     * durations, which PostgreSQL reads as intervals).
     * <p>
     * Facts per contact: the days since its last touch, its cadence in days (at least one: a
     * keep-in-touch window set in hours gives contacts a cadence of 0 whole days); from its
     * interviews as they stand, requests accepted (answered, and not
     * declined: an accepted interview may have gone on to be scheduled, held, thanked for or
     * cancelled), declined, and unanswered (given up on, or still waiting past the nudge window);
     * held interviews thanked in time, thanked late, and owed a thank-you past its window;
     * promises kept by their date (or without one), kept late, dropped, and open past their date.
     * Requests waiting within the window, interviews held within the thank-you window and promises
     * not yet due are not judged yet.
     * <p>
     * Each contact's interviews and promises are counted beside it, through the indexes on
     * {@code (owner_id, contact_id)}, rather than grouped for the whole journal and joined: with
     * statistics taken before a burst of new contacts (an import, a busy afternoon), PostgreSQL
     * planned that join as a nested loop that grouped all the owner's interviews again for every
     * contact. Measured on an owner of 349 contacts: 157 ms against 1.5 ms, and growing with the
     * square of the contacts (docs/benchmarks.md, 2026-12-03).
     */
    static final String JUDGED_CONTACTS = judged("contact");

    /**
     * {@link #JUDGED_CONTACTS} for some of the owner's contacts only: {@code contacts} is a table or
     * a parenthesised sub-query with every column of {@code contact}, such as one page of them, so
     * that a page sorted by something other than health judges the contacts on it and no others.
     */
    static String judged(String contacts) {
        return """
            (SELECT c.*, facts.*, points.*, score.health_score,
                    CASE WHEN score.health_score >= 85 THEN 'STRONG'
                         WHEN score.health_score >= 65 THEN 'WARM'
                         WHEN score.health_score >= 45 THEN 'COOLING'
                         ELSE 'COLD' END AS health_band
             FROM %s c
             CROSS JOIN LATERAL (SELECT
                               count(*) FILTER (WHERE responded_at IS NOT NULL
                                   AND status NOT IN ('NO_RESPONSE', 'DECLINED')) AS accepted,
                               count(*) FILTER (WHERE status = 'DECLINED') AS declined,
                               count(*) FILTER (WHERE status = 'NO_RESPONSE' OR (status = 'REQUESTED'
                                   AND requested_at + CAST(:nudgeAfter AS interval) <= CAST(:now AS timestamptz)))
                                   AS unanswered,
                               count(*) FILTER (WHERE thanked_at <= held_at + CAST(:thankYouWithin AS interval))
                                   AS thanked_in_time,
                               count(*) FILTER (WHERE thanked_at > held_at + CAST(:thankYouWithin AS interval))
                                   AS thanked_late,
                               count(*) FILTER (WHERE held_at IS NOT NULL AND thanked_at IS NULL
                                   AND held_at + CAST(:thankYouWithin AS interval) <= CAST(:now AS timestamptz))
                                   AS thanks_owed
                        FROM contact_interview
                        WHERE owner_id = c.owner_id AND contact_id = c.contact_id) i
             CROSS JOIN LATERAL (SELECT
                               count(*) FILTER (WHERE status = 'KEPT'
                                   AND (due_by IS NULL OR closed_at <= due_by)) AS kept_in_time,
                               count(*) FILTER (WHERE status = 'KEPT' AND closed_at > due_by) AS kept_late,
                               count(*) FILTER (WHERE status = 'DROPPED') AS dropped,
                               count(*) FILTER (WHERE status = 'OPEN' AND due_by <= CAST(:now AS timestamptz))
                                   AS overdue
                        FROM contact_commitment
                        WHERE owner_id = c.owner_id AND contact_id = c.contact_id) p
             CROSS JOIN LATERAL (SELECT
                    extract(epoch FROM CAST(:now AS timestamptz) - c.last_touch_at) / 86400 AS health_days_since_touch,
                    greatest(c.cadence_days, 1) AS health_cadence,
                    coalesce(i.accepted, 0) AS health_accepted,
                    coalesce(i.declined, 0) AS health_declined,
                    coalesce(i.unanswered, 0) AS health_unanswered,
                    coalesce(i.thanked_in_time, 0) AS health_thanked_in_time,
                    coalesce(i.thanked_late, 0) AS health_thanked_late,
                    coalesce(i.thanks_owed, 0) AS health_thanks_owed,
                    coalesce(p.kept_in_time, 0) AS health_kept_in_time,
                    coalesce(p.kept_late, 0) AS health_kept_late,
                    coalesce(p.dropped, 0) AS health_dropped,
                    coalesce(p.overdue, 0) AS health_overdue) facts
             CROSS JOIN LATERAL (SELECT
                    CASE WHEN c.last_touch_at IS NULL THEN 0
                         ELSE 60 * least(1, greatest(0, (2 * facts.health_cadence - facts.health_days_since_touch)
                                                        / (1.5 * facts.health_cadence))) END AS health_recency_points,
                    CASE WHEN facts.health_accepted + facts.health_declined + facts.health_unanswered = 0 THEN 10
                         ELSE 20 * (facts.health_accepted + 0.5 * facts.health_declined)
                              / (facts.health_accepted + facts.health_declined + facts.health_unanswered)
                         END AS health_answer_points,
                    CASE WHEN facts.health_thanked_in_time + facts.health_thanked_late + facts.health_thanks_owed = 0
                         THEN 10
                         ELSE 20 * (facts.health_thanked_in_time + 0.5 * facts.health_thanked_late)
                              / (facts.health_thanked_in_time + facts.health_thanked_late + facts.health_thanks_owed)
                         END AS health_thanks_points,
                    10 * (facts.health_dropped + facts.health_overdue) + 5 * facts.health_kept_late
                        AS health_commitment_penalty) points
             CROSS JOIN LATERAL (SELECT CAST(greatest(0, round(points.health_recency_points
                                     + points.health_answer_points + points.health_thanks_points
                                     - points.health_commitment_penalty)) AS integer) AS health_score) score
             WHERE c.owner_id = :ownerId) contact""".formatted(contacts);
    }

    /** The judgement of one row of {@link #JUDGED_CONTACTS}, with its reasons in words. */
    static final RowMapper<Health> MAPPER = (row, n) -> {
        BigDecimal since = row.getBigDecimal("health_days_since_touch");
        Double days = since == null ? null : since.doubleValue();
        int cadence = row.getInt("health_cadence");
        List<String> reasons = new ArrayList<>();
        if (days == null) {
            reasons.add("no touch yet");
        } else if (days <= cadence) {
            reasons.add("last touch " + daysAgo(days) + ", within its " + cadence + "-day cadence");
        } else {
            long whole = (long) Math.floor(days);
            reasons.add("no touch for " + whole + (whole == 1 ? " day" : " days") + ", past its " + cadence
                    + "-day cadence");
        }
        count(reasons, row.getLong("health_accepted"), "request accepted", "requests accepted");
        count(reasons, row.getLong("health_declined"), "request declined", "requests declined");
        count(reasons, row.getLong("health_unanswered"), "request unanswered", "requests unanswered");
        count(reasons, row.getLong("health_thanked_in_time"), "interview thanked for in time",
                "interviews thanked for in time");
        count(reasons, row.getLong("health_thanked_late"), "thank-you sent late", "thank-yous sent late");
        count(reasons, row.getLong("health_thanks_owed"), "thank-you owed", "thank-yous owed");
        count(reasons, row.getLong("health_kept_in_time"), "promise kept", "promises kept");
        count(reasons, row.getLong("health_kept_late"), "promise kept late", "promises kept late");
        count(reasons, row.getLong("health_dropped"), "promise dropped", "promises dropped");
        count(reasons, row.getLong("health_overdue"), "promise overdue", "promises overdue");
        return new Health(row.getInt("health_score"), Band.valueOf(row.getString("health_band")), List.copyOf(reasons));
    };

    private static String daysAgo(double days) {
        long whole = (long) Math.floor(Math.max(0, days));
        return whole == 0 ? "today" : whole == 1 ? "1 day ago" : whole + " days ago";
    }

    private static void count(List<String> reasons, long n, String one, String many) {
        if (n > 0) {
            reasons.add(n + " " + (n == 1 ? one : many));
        }
    }
}
