package app.rapport.query.analytics;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import app.rapport.query.support.Sql;
import app.rapport.query.support.RederivedContacts;
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
 * @param specializationRecordedAt when the specialization as it now reads was recorded (the
 *        timestamp of the event that wrote it), which decides the spelling a group is shown by;
 *        null for rows written before it was kept
 * @param lastSequence the contact's last event applied; -1 before any
 */
record OutreachContact(UUID contactId, String ownerId, ContactSource source, String specialization,
                       Instant specializationRecordedAt, Channel preferredChannel, String preferredLocation,
                       long lastSequence) implements RederivedContacts.ContactRow<OutreachContact> {

    static final RowMapper<OutreachContact> MAPPER = (row, n) -> new OutreachContact(Sql.uuid(row, "contact_id"),
            row.getString("owner_id"), Sql.enumOf(row, "source", ContactSource.class),
            row.getString("specialization"), Sql.instant(row, "specialization_recorded_at"),
            Sql.enumOf(row, "preferred_channel", Channel.class), row.getString("preferred_location"),
            row.getLong("last_sequence"));

    static final Upsert<OutreachContact> UPSERT = new Upsert<>("""
            INSERT INTO outreach_contact (contact_id, owner_id, source, specialization, specialization_recorded_at,
                preferred_channel, preferred_location, last_sequence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (contact_id) DO UPDATE SET specialization = EXCLUDED.specialization,
                specialization_recorded_at = EXCLUDED.specialization_recorded_at,
                preferred_channel = EXCLUDED.preferred_channel, preferred_location = EXCLUDED.preferred_location,
                last_sequence = EXCLUDED.last_sequence""",
            (statement, contact) -> {
                statement.setObject(1, contact.contactId());
                statement.setString(2, contact.ownerId());
                statement.setString(3, Sql.name(contact.source()));
                statement.setString(4, contact.specialization());
                statement.setTimestamp(5, Sql.timestamp(contact.specializationRecordedAt()));
                statement.setString(6, Sql.name(contact.preferredChannel()));
                statement.setString(7, contact.preferredLocation());
                statement.setLong(8, contact.lastSequence());
            });

    /** A contact just added, before its first event is applied; {@code recordedAt} is when the addition was. */
    static OutreachContact added(UUID contactId, String ownerId, ContactSource source, ContactDetails details,
                                 Instant recordedAt) {
        return new OutreachContact(contactId, ownerId, source, null, null, null, null, -1)
                .described(details, recordedAt);
    }

    /** An event at or below the last applied sequence number was applied already. */
    @Override
    public boolean alreadyApplied(long sequence) {
        return sequence <= lastSequence;
    }

    @Override
    public OutreachContact applied(long sequence) {
        return new OutreachContact(contactId, ownerId, source, specialization, specializationRecordedAt,
                preferredChannel, preferredLocation, sequence);
    }

    /**
     * With the details as they now stand (a change event carries them all); no details, no change.
     * A specialization written differently (in any way, case and spaces too) is a new spelling,
     * recorded at {@code recordedAt}; the same text keeps the time it was first recorded.
     */
    OutreachContact described(ContactDetails details, Instant recordedAt) {
        if (details == null) {
            return this;
        }
        Instant spelledAt = Objects.equals(details.specialization(), specialization) && specializationRecordedAt != null
                ? specializationRecordedAt : recordedAt;
        return new OutreachContact(contactId, ownerId, source, details.specialization(), spelledAt,
                details.preferredChannel(), details.preferredLocation(), lastSequence);
    }

    /**
     * The contact forgotten: its preferred place was its own words and goes; what was judged by it
     * (a schedule that ignored it) stays counted, and the source, specialization and preferred
     * channel, which are no one's personal data, keep grouping its requests.
     */
    OutreachContact erased() {
        return new OutreachContact(contactId, ownerId, source, specialization, specializationRecordedAt,
                preferredChannel, null, lastSequence);
    }
}
