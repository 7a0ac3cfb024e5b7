package app.rapport.query.commitments;

import java.time.Instant;
import java.util.UUID;

import app.rapport.events.commitment.CommitmentDropped;
import app.rapport.events.commitment.CommitmentKept;
import app.rapport.events.commitment.CommitmentMade;
import app.rapport.query.support.Sql;
import app.rapport.query.support.Upsert;
import org.springframework.jdbc.core.RowMapper;

/**
 * One promise to a contact and how it ended, if it has.
 *
 * @param keptBy the follow-up that kept it; null when kept on its own, or not kept
 * @param note how it was kept, as the keep said it
 * @param reason why it was dropped
 */
record CommitmentRow(UUID contactId, UUID commitmentId, String ownerId, UUID interviewId, String promise,
                     Instant madeAt, Instant dueBy, CommitmentStatus status, Instant keptAt, UUID keptBy,
                     Instant droppedAt, String note, String reason) {

    static final RowMapper<CommitmentRow> MAPPER = (row, n) -> new CommitmentRow(Sql.uuid(row, "contact_id"),
            Sql.uuid(row, "commitment_id"), row.getString("owner_id"), Sql.uuid(row, "interview_id"),
            row.getString("promise"), Sql.instant(row, "made_at"), Sql.instant(row, "due_by"),
            Sql.enumOf(row, "status", CommitmentStatus.class), Sql.instant(row, "kept_at"), Sql.uuid(row, "kept_by"),
            Sql.instant(row, "dropped_at"), row.getString("note"), row.getString("reason"));

    static final Upsert<CommitmentRow> UPSERT = new Upsert<>("""
            INSERT INTO commitment (contact_id, commitment_id, owner_id, interview_id, promise, made_at, due_by, status,
                kept_at, kept_by, dropped_at, note, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (contact_id, commitment_id) DO UPDATE SET interview_id = EXCLUDED.interview_id,
                promise = EXCLUDED.promise, made_at = EXCLUDED.made_at, due_by = EXCLUDED.due_by,
                status = EXCLUDED.status, kept_at = EXCLUDED.kept_at, kept_by = EXCLUDED.kept_by,
                dropped_at = EXCLUDED.dropped_at, note = EXCLUDED.note, reason = EXCLUDED.reason""",
            (statement, row) -> {
                statement.setObject(1, row.contactId());
                statement.setObject(2, row.commitmentId());
                statement.setString(3, row.ownerId());
                statement.setObject(4, row.interviewId());
                statement.setString(5, row.promise());
                statement.setTimestamp(6, Sql.timestamp(row.madeAt()));
                statement.setTimestamp(7, Sql.timestamp(row.dueBy()));
                statement.setString(8, Sql.name(row.status()));
                statement.setTimestamp(9, Sql.timestamp(row.keptAt()));
                statement.setObject(10, row.keptBy());
                statement.setTimestamp(11, Sql.timestamp(row.droppedAt()));
                statement.setString(12, row.note());
                statement.setString(13, row.reason());
            });

    static CommitmentRow made(CommitmentMade event) {
        return new CommitmentRow(event.contactId(), event.commitmentId(), event.ownerId(), event.interviewId(),
                event.promise(), event.at(), event.dueBy(), CommitmentStatus.OPEN, null, null, null, null, null);
    }

    CommitmentRow keptBy(CommitmentKept event) {
        return new CommitmentRow(contactId, commitmentId, ownerId, interviewId, promise, madeAt, dueBy,
                CommitmentStatus.KEPT, event.at(), event.followUpId(), null, event.note(), null);
    }

    CommitmentRow droppedBy(CommitmentDropped event) {
        return new CommitmentRow(contactId, commitmentId, ownerId, interviewId, promise, madeAt, dueBy,
                CommitmentStatus.DROPPED, null, null, event.at(), null, event.reason());
    }
}
