package app.rapport.query.contacts;

import java.time.Instant;
import java.util.UUID;

import app.rapport.query.support.Sql;
import app.rapport.query.support.Upsert;
import org.springframework.jdbc.core.RowMapper;

/**
 * A promise made to a contact, as its health judges it: when it was due and how it ended (the
 * words are the commitments ledger's).
 *
 * @param dueBy null for a promise without a date, which is never overdue
 * @param closedAt when it was kept or dropped; null while open
 */
record ContactCommitment(UUID contactId, UUID commitmentId, String ownerId, Instant dueBy, Status status,
                         Instant closedAt) {

    /** How a promise stands. */
    enum Status {
        OPEN, KEPT, DROPPED
    }

    static final RowMapper<ContactCommitment> MAPPER = (row, n) -> new ContactCommitment(Sql.uuid(row, "contact_id"),
            Sql.uuid(row, "commitment_id"), row.getString("owner_id"), Sql.instant(row, "due_by"),
            Sql.enumOf(row, "status", Status.class), Sql.instant(row, "closed_at"));

    static final Upsert<ContactCommitment> UPSERT = new Upsert<>("""
            INSERT INTO contact_commitment (contact_id, commitment_id, owner_id, due_by, status, closed_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (contact_id, commitment_id) DO UPDATE SET due_by = EXCLUDED.due_by,
                status = EXCLUDED.status, closed_at = EXCLUDED.closed_at""",
            (statement, commitment) -> {
                statement.setObject(1, commitment.contactId());
                statement.setObject(2, commitment.commitmentId());
                statement.setString(3, commitment.ownerId());
                statement.setTimestamp(4, Sql.timestamp(commitment.dueBy()));
                statement.setString(5, Sql.name(commitment.status()));
                statement.setTimestamp(6, Sql.timestamp(commitment.closedAt()));
            });

    static ContactCommitment made(UUID contactId, UUID commitmentId, String ownerId, Instant dueBy) {
        return new ContactCommitment(contactId, commitmentId, ownerId, dueBy, Status.OPEN, null);
    }

    ContactCommitment closed(Status status, Instant at) {
        return new ContactCommitment(contactId, commitmentId, ownerId, dueBy, status, at);
    }
}
