package app.rapport.query.reports;

import java.time.Instant;
import java.util.UUID;

import app.rapport.query.support.Sql;
import app.rapport.query.support.Upsert;
import org.springframework.jdbc.core.RowMapper;

/**
 * One time the networker asked a contact about job openings.
 *
 * @param entryId the identifier of the inquiry's event, which corrections and retractions name
 * @param early asked before the relationship was established
 */
record ReportInquiry(String entryId, String ownerId, UUID contactId, Instant askedAt, boolean early) {

    static final RowMapper<ReportInquiry> MAPPER = (row, n) -> new ReportInquiry(row.getString("entry_id"),
            row.getString("owner_id"), Sql.uuid(row, "contact_id"), Sql.instant(row, "asked_at"),
            row.getBoolean("early"));

    static final Upsert<ReportInquiry> UPSERT = new Upsert<>("""
            INSERT INTO report_job_inquiry (entry_id, owner_id, contact_id, asked_at, early)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (entry_id) DO UPDATE SET asked_at = EXCLUDED.asked_at, early = EXCLUDED.early""",
            (statement, inquiry) -> {
                statement.setString(1, inquiry.entryId());
                statement.setString(2, inquiry.ownerId());
                statement.setObject(3, inquiry.contactId());
                statement.setTimestamp(4, Sql.timestamp(inquiry.askedAt()));
                statement.setBoolean(5, inquiry.early());
            });
}
