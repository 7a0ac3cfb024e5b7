package app.rapport.query.contacts;

import java.time.Instant;
import java.util.UUID;

import app.rapport.query.support.Sql;
import app.rapport.query.support.Upsert;
import org.springframework.jdbc.core.RowMapper;

/**
 * A contact that was forgotten: all that stays of it in the contact list, so that the owner's
 * journal as of an earlier moment still lists its stream and no repeated event can bring it back.
 *
 * @param lastSequence the sequence of the erasure, the contact's last event
 */
record ErasedContact(UUID contactId, String ownerId, Instant erasedAt, long lastSequence) {

    static final RowMapper<ErasedContact> MAPPER = (row, n) -> new ErasedContact(Sql.uuid(row, "contact_id"),
            row.getString("owner_id"), Sql.instant(row, "erased_at"), row.getLong("last_sequence"));

    static final Upsert<ErasedContact> UPSERT = new Upsert<>("""
            INSERT INTO erased_contact (contact_id, owner_id, erased_at, last_sequence) VALUES (?, ?, ?, ?)
            ON CONFLICT (contact_id) DO NOTHING""",
            (statement, erased) -> {
                statement.setObject(1, erased.contactId());
                statement.setString(2, erased.ownerId());
                statement.setTimestamp(3, Sql.timestamp(erased.erasedAt()));
                statement.setLong(4, erased.lastSequence());
            });
}
