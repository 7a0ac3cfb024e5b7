package app.rapport.query.commitments;

import java.util.UUID;

import app.rapport.query.support.Sql;
import app.rapport.query.support.RederivedContacts;
import app.rapport.query.support.Upsert;
import org.springframework.jdbc.core.RowMapper;

/**
 * A contact the ledger knows, from its first event, and how far into its stream it has applied.
 *
 * @param lastSequence the contact's last event applied; -1 before any
 */
record CommitmentContact(UUID contactId, String ownerId, long lastSequence) implements RederivedContacts.ContactRow<CommitmentContact> {

    static final RowMapper<CommitmentContact> MAPPER = (row, n) -> new CommitmentContact(Sql.uuid(row, "contact_id"),
            row.getString("owner_id"), row.getLong("last_sequence"));

    static final Upsert<CommitmentContact> UPSERT = new Upsert<>("""
            INSERT INTO commitment_contact (contact_id, owner_id, last_sequence) VALUES (?, ?, ?)
            ON CONFLICT (contact_id) DO UPDATE SET last_sequence = EXCLUDED.last_sequence""",
            (statement, contact) -> {
                statement.setObject(1, contact.contactId());
                statement.setString(2, contact.ownerId());
                statement.setLong(3, contact.lastSequence());
            });

    static CommitmentContact added(UUID contactId, String ownerId) {
        return new CommitmentContact(contactId, ownerId, -1);
    }

    /** An event at or below the last applied sequence number was applied already. */
    @Override
    public boolean alreadyApplied(long sequence) {
        return sequence <= lastSequence;
    }

    @Override
    public CommitmentContact applied(long sequence) {
        return new CommitmentContact(contactId, ownerId, sequence);
    }
}
