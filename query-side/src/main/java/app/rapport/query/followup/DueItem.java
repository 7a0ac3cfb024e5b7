package app.rapport.query.followup;

import java.time.Instant;
import java.util.UUID;

import app.rapport.query.support.Sql;
import app.rapport.query.support.Upsert;
import org.springframework.jdbc.core.RowMapper;

/**
 * One deadline, opened and closed by events. Closed items stay, so that re-opening (a restore)
 * and re-scheduling know what was there; a commitment kept or dropped leaves nothing due, so its
 * item is removed, and the commitment items a restore finds are the promises still open.
 *
 * @param itemId the natural key: the kind and the interview (or, for keeping in touch, the contact;
 *        for a commitment, the commitment)
 * @param interviewId for a commitment, the interview it was made in, if any
 */
record DueItem(String itemId, String ownerId, UUID contactId, UUID interviewId, DueKind kind, Instant dueAt,
               boolean open) {

    static final RowMapper<DueItem> MAPPER = (row, n) -> new DueItem(row.getString("item_id"),
            row.getString("owner_id"), Sql.uuid(row, "contact_id"), Sql.uuid(row, "interview_id"),
            Sql.enumOf(row, "kind", DueKind.class), Sql.instant(row, "due_at"), row.getBoolean("open"));

    static final Upsert<DueItem> UPSERT = new Upsert<>("""
            INSERT INTO due_item (item_id, owner_id, contact_id, interview_id, kind, due_at, open)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (item_id) DO UPDATE SET due_at = EXCLUDED.due_at, open = EXCLUDED.open""",
            (statement, item) -> {
                statement.setString(1, item.itemId());
                statement.setString(2, item.ownerId());
                statement.setObject(3, item.contactId());
                statement.setObject(4, item.interviewId());
                statement.setString(5, Sql.name(item.kind()));
                statement.setTimestamp(6, Sql.timestamp(item.dueAt()));
                statement.setBoolean(7, item.open());
            });

    /** A new deadline for an interview (THANK_YOU, RESPONSE_NUDGE, PREPARE), not yet open. */
    static DueItem forInterview(String ownerId, UUID contactId, UUID interviewId, DueKind kind, Instant dueAt) {
        return new DueItem(idOf(kind, interviewId), ownerId, contactId, interviewId, kind, dueAt, false);
    }

    /** A new deadline for a promise (COMMITMENT), not yet open. */
    static DueItem forCommitment(String ownerId, UUID contactId, UUID commitmentId, UUID interviewId, Instant dueAt) {
        return new DueItem(idOf(DueKind.COMMITMENT, commitmentId), ownerId, contactId, interviewId,
                DueKind.COMMITMENT, dueAt, false);
    }

    /** A new deadline for the whole relationship (KEEP_IN_TOUCH), not yet open. */
    static DueItem forContact(String ownerId, UUID contactId, DueKind kind, Instant dueAt) {
        return new DueItem(idOf(kind, contactId), ownerId, contactId, null, kind, dueAt, false);
    }

    /** The natural key: one deadline of a kind per interview, per contact for keeping in touch, per commitment. */
    static String idOf(DueKind kind, UUID subject) {
        return kind.name() + ":" + subject;
    }

    /** The promise a COMMITMENT item is about, from its key; null for any other kind. */
    UUID commitmentId() {
        return kind == DueKind.COMMITMENT ? UUID.fromString(itemId.substring(kind.name().length() + 1)) : null;
    }

    DueItem open(Instant dueAt) {
        return new DueItem(itemId, ownerId, contactId, interviewId, kind, dueAt, true);
    }

    DueItem moveTo(Instant dueAt) {
        return new DueItem(itemId, ownerId, contactId, interviewId, kind, dueAt, open);
    }

    DueItem close() {
        return new DueItem(itemId, ownerId, contactId, interviewId, kind, dueAt, false);
    }
}
