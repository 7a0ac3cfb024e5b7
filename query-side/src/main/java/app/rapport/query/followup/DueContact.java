package app.rapport.query.followup;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import app.rapport.platform.PracticeSettings;
import app.rapport.query.support.RederivedContacts;
import app.rapport.query.support.KeepingInTouch;
import app.rapport.query.support.Sql;
import app.rapport.query.support.Upsert;
import org.springframework.jdbc.core.RowMapper;

/**
 * What the keep-in-touch deadline needs to know about a contact, and the last applied sequence.
 *
 * @param cadenceDays null: the configured default applies, so changing the default moves every such contact
 * @param connected thanked for an interview at least once, from which keeping in touch is owed
 * @param lastSequence the contact's last event applied; -1 before any
 */
record DueContact(UUID contactId, String ownerId, String name, Integer cadenceDays, Instant lastTouchAt,
                  boolean connected, boolean archived, long lastSequence) implements RederivedContacts.ContactRow<DueContact> {

    static final RowMapper<DueContact> MAPPER = (row, n) -> new DueContact(Sql.uuid(row, "contact_id"),
            row.getString("owner_id"), row.getString("name"), Sql.integer(row, "cadence_days"),
            Sql.instant(row, "last_touch_at"), row.getBoolean("connected"), row.getBoolean("archived"),
            row.getLong("last_sequence"));

    static final Upsert<DueContact> UPSERT = new Upsert<>("""
            INSERT INTO due_contact (contact_id, owner_id, name, cadence_days, last_touch_at, connected, archived,
                last_sequence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (contact_id) DO UPDATE SET name = EXCLUDED.name, cadence_days = EXCLUDED.cadence_days,
                last_touch_at = EXCLUDED.last_touch_at, connected = EXCLUDED.connected,
                archived = EXCLUDED.archived, last_sequence = EXCLUDED.last_sequence""",
            (statement, contact) -> {
                statement.setObject(1, contact.contactId());
                statement.setString(2, contact.ownerId());
                statement.setString(3, contact.name());
                Sql.setInteger(statement, 4, contact.cadenceDays());
                statement.setTimestamp(5, Sql.timestamp(contact.lastTouchAt()));
                statement.setBoolean(6, contact.connected());
                statement.setBoolean(7, contact.archived());
                statement.setLong(8, contact.lastSequence());
            });

    /** A contact just added, before its first event is applied. */
    static DueContact added(UUID contactId, String ownerId, String name, Integer cadenceDays) {
        return new DueContact(contactId, ownerId, name, cadenceDays, null, false, false, -1);
    }

    /** An event at or below the last applied sequence number was applied already. */
    @Override
    public boolean alreadyApplied(long sequence) {
        return sequence <= lastSequence;
    }

    @Override
    public DueContact applied(long sequence) {
        return new DueContact(contactId, ownerId, name, cadenceDays, lastTouchAt, connected, archived, sequence);
    }

    DueContact renamed(String name) {
        return name == null ? this
                : new DueContact(contactId, ownerId, name, cadenceDays, lastTouchAt, connected, archived, lastSequence);
    }

    DueContact withCadence(int days) {
        return new DueContact(contactId, ownerId, name, days, lastTouchAt, connected, archived, lastSequence);
    }

    /** The last touch after the event, by the one rule of what touches a contact ({@link KeepingInTouch}). */
    DueContact touchedBy(Object event) {
        Instant touch = KeepingInTouch.lastTouchAfter(lastTouchAt, event);
        return Objects.equals(touch, lastTouchAt) ? this
                : new DueContact(contactId, ownerId, name, cadenceDays, touch, connected, archived, lastSequence);
    }

    DueContact asConnected() {
        return new DueContact(contactId, ownerId, name, cadenceDays, lastTouchAt, true, archived, lastSequence);
    }

    DueContact withArchived(boolean archived) {
        return new DueContact(contactId, ownerId, name, cadenceDays, lastTouchAt, connected, archived, lastSequence);
    }

    /** When the next touch is owed, by the one rule of keeping in touch; null when none is. */
    Instant nextTouchDue(PracticeSettings practice) {
        return KeepingInTouch.nextTouchDue(connected, archived, lastTouchAt, practice.keepInTouchFor(cadenceDays));
    }
}
