package app.rapport.query.reports;

import java.util.UUID;

import app.rapport.events.Personal;
import app.rapport.query.support.RederivedContacts;
import app.rapport.query.support.Sql;
import app.rapport.query.support.Upsert;
import app.rapport.values.Channel;
import app.rapport.values.ContactDetails;
import org.springframework.jdbc.core.RowMapper;

/**
 * A contact as the reports name it, how it prefers to be met as it stands at its last applied
 * event (what a request or a schedule is judged by), and the last applied sequence of its stream.
 *
 * @param lastSequence the contact's last event applied; -1 before any
 */
record ReportContact(UUID contactId, String ownerId, String name, Channel preferredChannel, long lastSequence) implements RederivedContacts.ContactRow<ReportContact> {

    static final RowMapper<ReportContact> MAPPER = (row, n) -> new ReportContact(Sql.uuid(row, "contact_id"),
            row.getString("owner_id"), row.getString("name"), Sql.enumOf(row, "preferred_channel", Channel.class),
            row.getLong("last_sequence"));

    static final Upsert<ReportContact> UPSERT = new Upsert<>("""
            INSERT INTO report_contact (contact_id, owner_id, name, preferred_channel, last_sequence)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (contact_id) DO UPDATE SET name = EXCLUDED.name,
                preferred_channel = EXCLUDED.preferred_channel, last_sequence = EXCLUDED.last_sequence""",
            (statement, contact) -> {
                statement.setObject(1, contact.contactId());
                statement.setString(2, contact.ownerId());
                statement.setString(3, contact.name());
                statement.setString(4, Sql.name(contact.preferredChannel()));
                statement.setLong(5, contact.lastSequence());
            });

    /** A contact just added, before its first event is applied. */
    static ReportContact added(UUID contactId, String ownerId, ContactDetails details) {
        return new ReportContact(contactId, ownerId, null, null, -1).described(details);
    }

    /** An event at or below the last applied sequence number was applied already. */
    @Override
    public boolean alreadyApplied(long sequence) {
        return sequence <= lastSequence;
    }

    @Override
    public ReportContact applied(long sequence) {
        return new ReportContact(contactId, ownerId, name, preferredChannel, sequence);
    }

    /** With the details as they now stand (a change event carries them all); no details, no change. */
    ReportContact described(ContactDetails details) {
        return details == null ? this
                : new ReportContact(contactId, ownerId, details.name(), details.preferredChannel(), lastSequence);
    }

    /** The contact forgotten: the reports name it as erased and count its facts as before. */
    ReportContact erased() {
        return new ReportContact(contactId, ownerId, Personal.ERASED, preferredChannel, lastSequence);
    }
}
