package app.rapport.query.reports;

import java.time.Instant;
import java.util.UUID;

import app.rapport.query.support.Sql;
import app.rapport.query.support.Upsert;
import org.springframework.jdbc.core.RowMapper;

/**
 * A promise made to a contact, as the practice report judges it.
 *
 * @param interviewId the interview it was made in; null when made outside one
 * @param dueBy when it should be kept; null for a promise without a date, which is never judged
 * @param keptAt when it was kept; null while it was not
 * @param droppedAt when it was given up; null while it was not
 */
record ReportCommitment(UUID commitmentId, String ownerId, UUID contactId, UUID interviewId, Instant madeAt,
                        Instant dueBy, Instant keptAt, Instant droppedAt) {

    static final RowMapper<ReportCommitment> MAPPER = (row, n) -> new ReportCommitment(
            Sql.uuid(row, "commitment_id"), row.getString("owner_id"), Sql.uuid(row, "contact_id"),
            Sql.uuid(row, "interview_id"), Sql.instant(row, "made_at"), Sql.instant(row, "due_by"),
            Sql.instant(row, "kept_at"), Sql.instant(row, "dropped_at"));

    static final Upsert<ReportCommitment> UPSERT = new Upsert<>("""
            INSERT INTO report_commitment (commitment_id, owner_id, contact_id, interview_id, made_at, due_by,
                kept_at, dropped_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (commitment_id) DO UPDATE SET interview_id = EXCLUDED.interview_id,
                made_at = EXCLUDED.made_at, due_by = EXCLUDED.due_by, kept_at = EXCLUDED.kept_at,
                dropped_at = EXCLUDED.dropped_at""",
            (statement, commitment) -> {
                statement.setObject(1, commitment.commitmentId());
                statement.setString(2, commitment.ownerId());
                statement.setObject(3, commitment.contactId());
                statement.setObject(4, commitment.interviewId());
                statement.setTimestamp(5, Sql.timestamp(commitment.madeAt()));
                statement.setTimestamp(6, Sql.timestamp(commitment.dueBy()));
                statement.setTimestamp(7, Sql.timestamp(commitment.keptAt()));
                statement.setTimestamp(8, Sql.timestamp(commitment.droppedAt()));
            });

    static ReportCommitment made(UUID commitmentId, String ownerId, UUID contactId, UUID interviewId, Instant at,
                                 Instant dueBy) {
        return new ReportCommitment(commitmentId, ownerId, contactId, interviewId, at, dueBy, null, null);
    }

    ReportCommitment kept(Instant at) {
        return new ReportCommitment(commitmentId, ownerId, contactId, interviewId, madeAt, dueBy, at, droppedAt);
    }

    ReportCommitment dropped(Instant at) {
        return new ReportCommitment(commitmentId, ownerId, contactId, interviewId, madeAt, dueBy, keptAt, at);
    }
}
