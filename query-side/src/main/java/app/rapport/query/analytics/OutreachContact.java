package app.rapport.query.analytics;

import java.util.UUID;

import app.rapport.query.support.Sql;
import app.rapport.query.support.Upsert;
import app.rapport.values.ContactSource;
import org.springframework.jdbc.core.RowMapper;

/**
 * The contact attributes outreach is grouped by, and the last applied sequence of the contact.
 *
 * @param lastSequence the contact's last event applied; -1 before any
 */
record OutreachContact(UUID contactId, String ownerId, ContactSource source, String specialization,
                       long lastSequence) {

    static final RowMapper<OutreachContact> MAPPER = (row, n) -> new OutreachContact(Sql.uuid(row, "contact_id"),
            row.getString("owner_id"), Sql.enumOf(row, "source", ContactSource.class),
            row.getString("specialization"), row.getLong("last_sequence"));

    static final Upsert<OutreachContact> UPSERT = new Upsert<>("""
            INSERT INTO outreach_contact (contact_id, owner_id, source, specialization, last_sequence)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (contact_id) DO UPDATE SET specialization = EXCLUDED.specialization,
                last_sequence = EXCLUDED.last_sequence""",
            (statement, contact) -> {
                statement.setObject(1, contact.contactId());
                statement.setString(2, contact.ownerId());
                statement.setString(3, Sql.name(contact.source()));
                statement.setString(4, contact.specialization());
                statement.setLong(5, contact.lastSequence());
            });

    /** A contact just added, before its first event is applied. */
    static OutreachContact added(UUID contactId, String ownerId, ContactSource source, String specialization) {
        return new OutreachContact(contactId, ownerId, source, specialization, -1);
    }

    /** An event at or below the last applied sequence number was applied already. */
    boolean alreadyApplied(long sequence) {
        return sequence <= lastSequence;
    }

    OutreachContact applied(long sequence) {
        return new OutreachContact(contactId, ownerId, source, specialization, sequence);
    }

    OutreachContact withSpecialization(String specialization) {
        return new OutreachContact(contactId, ownerId, source, specialization, lastSequence);
    }
}
