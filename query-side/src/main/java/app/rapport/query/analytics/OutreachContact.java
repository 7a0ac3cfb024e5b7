package app.rapport.query.analytics;

import java.util.UUID;

import app.rapport.query.support.Sql;
import app.rapport.query.support.Upsert;
import app.rapport.values.Channel;
import app.rapport.values.ContactDetails;
import app.rapport.values.ContactSource;
import org.springframework.jdbc.core.RowMapper;

/**
 * The contact attributes outreach is grouped by, how the contact prefers to be met (as it stands
 * at the contact's last applied event, which is what a request or a schedule is judged by), and
 * the last applied sequence of the contact.
 *
 * @param lastSequence the contact's last event applied; -1 before any
 */
record OutreachContact(UUID contactId, String ownerId, ContactSource source, String specialization,
                       Channel preferredChannel, String preferredLocation, long lastSequence) {

    static final RowMapper<OutreachContact> MAPPER = (row, n) -> new OutreachContact(Sql.uuid(row, "contact_id"),
            row.getString("owner_id"), Sql.enumOf(row, "source", ContactSource.class),
            row.getString("specialization"), Sql.enumOf(row, "preferred_channel", Channel.class),
            row.getString("preferred_location"), row.getLong("last_sequence"));

    static final Upsert<OutreachContact> UPSERT = new Upsert<>("""
            INSERT INTO outreach_contact (contact_id, owner_id, source, specialization, preferred_channel,
                preferred_location, last_sequence)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (contact_id) DO UPDATE SET specialization = EXCLUDED.specialization,
                preferred_channel = EXCLUDED.preferred_channel, preferred_location = EXCLUDED.preferred_location,
                last_sequence = EXCLUDED.last_sequence""",
            (statement, contact) -> {
                statement.setObject(1, contact.contactId());
                statement.setString(2, contact.ownerId());
                statement.setString(3, Sql.name(contact.source()));
                statement.setString(4, contact.specialization());
                statement.setString(5, Sql.name(contact.preferredChannel()));
                statement.setString(6, contact.preferredLocation());
                statement.setLong(7, contact.lastSequence());
            });

    /** A contact just added, before its first event is applied. */
    static OutreachContact added(UUID contactId, String ownerId, ContactSource source, ContactDetails details) {
        return new OutreachContact(contactId, ownerId, source, null, null, null, -1).described(details);
    }

    /** An event at or below the last applied sequence number was applied already. */
    boolean alreadyApplied(long sequence) {
        return sequence <= lastSequence;
    }

    OutreachContact applied(long sequence) {
        return new OutreachContact(contactId, ownerId, source, specialization, preferredChannel, preferredLocation,
                sequence);
    }

    /** With the details as they now stand (a change event carries them all); no details, no change. */
    OutreachContact described(ContactDetails details) {
        return details == null ? this : new OutreachContact(contactId, ownerId, source, details.specialization(),
                details.preferredChannel(), details.preferredLocation(), lastSequence);
    }
}
