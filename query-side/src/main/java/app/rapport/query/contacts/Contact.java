package app.rapport.query.contacts;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

import app.rapport.query.support.KeepingInTouch;
import app.rapport.query.support.RederivedContacts;
import app.rapport.query.support.Sql;
import app.rapport.query.support.Upsert;
import app.rapport.values.Channel;
import app.rapport.values.ContactDetails;
import app.rapport.values.ContactSource;
import org.springframework.jdbc.core.RowMapper;

/**
 * One row of the contact list.
 *
 * @param lastFollowUpAt the newest follow-up, which decides whether a thanked contact has been kept in touch with
 * @param lastSequence the contact's last event applied; -1 before any
 */
record Contact(UUID contactId, String ownerId, String name, String organization, String role,
               String specialization, ContactSource source, Channel preferredChannel, String preferredLocation,
               String email, String phone, String notes, UUID referredBy, int cadenceDays, Stage stage,
               boolean archived, Instant addedAt, Instant lastTouchAt, Instant nextFollowUpDue,
               Instant lastFollowUpAt, long lastSequence) implements RederivedContacts.ContactRow<Contact> {

    static final RowMapper<Contact> MAPPER = (row, n) -> new Contact(Sql.uuid(row, "contact_id"),
            row.getString("owner_id"), row.getString("name"), row.getString("organization"), row.getString("role"),
            row.getString("specialization"), Sql.enumOf(row, "source", ContactSource.class),
            Sql.enumOf(row, "preferred_channel", Channel.class), row.getString("preferred_location"),
            row.getString("email"), row.getString("phone"), row.getString("notes"), Sql.uuid(row, "referred_by"),
            row.getInt("cadence_days"), Sql.enumOf(row, "stage", Stage.class), row.getBoolean("archived"),
            Sql.instant(row, "added_at"), Sql.instant(row, "last_touch_at"), Sql.instant(row, "next_follow_up_due"),
            Sql.instant(row, "last_follow_up_at"), row.getLong("last_sequence"));

    static final Upsert<Contact> UPSERT = new Upsert<>("""
            INSERT INTO contact (contact_id, owner_id, name, organization, role, specialization, source,
                preferred_channel, preferred_location, email, phone, notes, referred_by, cadence_days, stage,
                archived, added_at, last_touch_at, next_follow_up_due, last_follow_up_at, last_sequence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (contact_id) DO UPDATE SET name = EXCLUDED.name, organization = EXCLUDED.organization,
                role = EXCLUDED.role, specialization = EXCLUDED.specialization,
                preferred_channel = EXCLUDED.preferred_channel, preferred_location = EXCLUDED.preferred_location,
                email = EXCLUDED.email, phone = EXCLUDED.phone, notes = EXCLUDED.notes,
                cadence_days = EXCLUDED.cadence_days, stage = EXCLUDED.stage, archived = EXCLUDED.archived,
                last_touch_at = EXCLUDED.last_touch_at, next_follow_up_due = EXCLUDED.next_follow_up_due,
                last_follow_up_at = EXCLUDED.last_follow_up_at, last_sequence = EXCLUDED.last_sequence""",
            (statement, contact) -> {
                statement.setObject(1, contact.contactId());
                statement.setString(2, contact.ownerId());
                statement.setString(3, contact.name());
                statement.setString(4, contact.organization());
                statement.setString(5, contact.role());
                statement.setString(6, contact.specialization());
                statement.setString(7, Sql.name(contact.source()));
                statement.setString(8, Sql.name(contact.preferredChannel()));
                statement.setString(9, contact.preferredLocation());
                statement.setString(10, contact.email());
                statement.setString(11, contact.phone());
                statement.setString(12, contact.notes());
                statement.setObject(13, contact.referredBy());
                statement.setInt(14, contact.cadenceDays());
                statement.setString(15, Sql.name(contact.stage()));
                statement.setBoolean(16, contact.archived());
                statement.setTimestamp(17, Sql.timestamp(contact.addedAt()));
                statement.setTimestamp(18, Sql.timestamp(contact.lastTouchAt()));
                statement.setTimestamp(19, Sql.timestamp(contact.nextFollowUpDue()));
                statement.setTimestamp(20, Sql.timestamp(contact.lastFollowUpAt()));
                statement.setLong(21, contact.lastSequence());
            });

    /** A contact just added, before its first event is applied: NEW, without details yet. */
    static Contact added(UUID contactId, String ownerId, ContactSource source, UUID referredBy, int cadenceDays,
                         Instant addedAt) {
        return new Contact(contactId, ownerId, null, null, null, null, source, null, null, null, null, null,
                referredBy, cadenceDays, Stage.NEW, false, addedAt, null, null, null, -1);
    }

    /** An event at or below the last applied sequence number was applied already. */
    @Override
    public boolean alreadyApplied(long sequence) {
        return sequence <= lastSequence;
    }

    @Override
    public Contact applied(long sequence) {
        return with(copy -> copy.lastSequence = sequence);
    }

    Contact describe(ContactDetails details) {
        if (details == null) {
            return this;
        }
        return with(copy -> {
            copy.name = details.name() == null ? name : details.name();
            copy.organization = details.organization();
            copy.role = details.role();
            copy.specialization = details.specialization();
            copy.preferredChannel = details.preferredChannel();
            copy.preferredLocation = details.preferredLocation();
            copy.email = details.email();
            copy.phone = details.phone();
            copy.notes = details.notes();
        });
    }

    Contact withCadence(int days) {
        return with(copy -> copy.cadenceDays = days);
    }

    Contact withArchived(boolean archived) {
        return with(copy -> copy.archived = archived);
    }

    /** The last touch after the event, by the one rule of what touches a contact ({@link KeepingInTouch}). */
    Contact touchedBy(Object event) {
        Instant touch = KeepingInTouch.lastTouchAfter(lastTouchAt, event);
        return Objects.equals(touch, lastTouchAt) ? this : with(copy -> copy.lastTouchAt = touch);
    }

    Contact followedUp(Instant at) {
        return lastFollowUpAt != null && !at.isAfter(lastFollowUpAt) ? this : with(copy -> copy.lastFollowUpAt = at);
    }

    /** At a stage, and owed the next touch by then (null when none is owed). */
    Contact progress(Stage stage, Instant nextFollowUpDue) {
        return with(copy -> {
            copy.stage = stage;
            copy.nextFollowUpDue = nextFollowUpDue;
        });
    }

    /** The contact's keep-in-touch cadence, which it was given the practice's when it had none of its own. */
    Duration cadence() {
        return Duration.ofDays(cadenceDays);
    }

    /** A copy to change: an event changes several columns of a row at once. */
    private Contact with(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    private static final class Copy {
        UUID contactId;
        String ownerId;
        String name;
        String organization;
        String role;
        String specialization;
        ContactSource source;
        Channel preferredChannel;
        String preferredLocation;
        String email;
        String phone;
        String notes;
        UUID referredBy;
        int cadenceDays;
        Stage stage;
        boolean archived;
        Instant addedAt;
        Instant lastTouchAt;
        Instant nextFollowUpDue;
        Instant lastFollowUpAt;
        long lastSequence;

        Copy(Contact row) {
            contactId = row.contactId;
            ownerId = row.ownerId;
            name = row.name;
            organization = row.organization;
            role = row.role;
            specialization = row.specialization;
            source = row.source;
            preferredChannel = row.preferredChannel;
            preferredLocation = row.preferredLocation;
            email = row.email;
            phone = row.phone;
            notes = row.notes;
            referredBy = row.referredBy;
            cadenceDays = row.cadenceDays;
            stage = row.stage;
            archived = row.archived;
            addedAt = row.addedAt;
            lastTouchAt = row.lastTouchAt;
            nextFollowUpDue = row.nextFollowUpDue;
            lastFollowUpAt = row.lastFollowUpAt;
            lastSequence = row.lastSequence;
        }

        Contact build() {
            return new Contact(contactId, ownerId, name, organization, role, specialization, source,
                    preferredChannel, preferredLocation, email, phone, notes, referredBy, cadenceDays, stage,
                    archived, addedAt, lastTouchAt, nextFollowUpDue, lastFollowUpAt, lastSequence);
        }
    }
}
