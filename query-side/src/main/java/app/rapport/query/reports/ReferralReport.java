package app.rapport.query.reports;

import java.util.List;
import java.util.UUID;

import app.rapport.query.support.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The referral report's query: per referrer, the referrals it made and how far each went. An
 * interview counts for a referral when it was requested or held at or after the referral, so a
 * referral linked to a contact already interviewed is not credited with that interview.
 */
@Repository
class ReferralReport {

    /** One referrer's counts, the yield left to the caller's division. */
    record Counts(UUID contactId, String contactName, long referralsGiven, long referralsRequested,
                  long referralsInterviewed) {

        static final RowMapper<Counts> MAPPER = (row, n) -> new Counts(Sql.uuid(row, "contact_id"),
                row.getString("contact_name"), row.getLong("referrals_given"), row.getLong("referrals_requested"),
                row.getLong("referrals_interviewed"));
    }

    private final JdbcClient jdbc;

    ReferralReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every referrer of the journal, the one with most referrals first. */
    List<Counts> countReferrals(String ownerId) {
        return jdbc.sql("""
                        SELECT r.contact_id, c.name AS contact_name,
                               count(*) AS referrals_given,
                               count(*) FILTER (WHERE EXISTS (
                                   SELECT 1 FROM report_interview i
                                   WHERE i.owner_id = r.owner_id AND i.contact_id = r.referred_contact_id
                                     AND (i.requested_at >= r.referred_at OR i.held_at >= r.referred_at)))
                                   AS referrals_requested,
                               count(*) FILTER (WHERE EXISTS (
                                   SELECT 1 FROM report_interview i
                                   WHERE i.owner_id = r.owner_id AND i.contact_id = r.referred_contact_id
                                     AND i.held_at >= r.referred_at))
                                   AS referrals_interviewed
                        FROM report_referral r
                        LEFT JOIN report_contact c ON c.contact_id = r.contact_id AND c.owner_id = r.owner_id
                        WHERE r.owner_id = :ownerId
                        GROUP BY r.contact_id, c.name
                        ORDER BY referrals_given DESC, contact_name, r.contact_id""")
                .param("ownerId", ownerId)
                .query(Counts.MAPPER).list();
    }
}
