package app.rapport.query.reports;

import java.time.Instant;
import java.util.UUID;

import app.rapport.query.support.Sql;
import app.rapport.query.support.Upsert;
import org.springframework.jdbc.core.RowMapper;

/**
 * One referral, as the referrer's stream records it: the referred person added as a new contact
 * ({@code ReferralReceived}) or an existing contact linked ({@code ReferralLinked}).
 *
 * @param contactId the referrer
 * @param referredAt when the referral was made, as the networker tells it
 * @param linked the referral was to a contact already in the journal
 */
record ReportReferral(UUID contactId, UUID referredContactId, String ownerId, Instant referredAt, boolean linked) {

    static final RowMapper<ReportReferral> MAPPER = (row, n) -> new ReportReferral(Sql.uuid(row, "contact_id"),
            Sql.uuid(row, "referred_contact_id"), row.getString("owner_id"), Sql.instant(row, "referred_at"),
            row.getBoolean("linked"));

    /** A referral is recorded once on its referrer's stream, which never records it again. */
    static final Upsert<ReportReferral> UPSERT = new Upsert<>("""
            INSERT INTO report_referral (contact_id, referred_contact_id, owner_id, referred_at, linked)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (contact_id, referred_contact_id) DO NOTHING""",
            (statement, referral) -> {
                statement.setObject(1, referral.contactId());
                statement.setObject(2, referral.referredContactId());
                statement.setString(3, referral.ownerId());
                statement.setTimestamp(4, Sql.timestamp(referral.referredAt()));
                statement.setBoolean(5, referral.linked());
            });
}
