package app.rapport.query.contacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.rapport.query.support.EventSubject;
import app.rapport.query.support.ProjectionBatch;
import app.rapport.query.support.Sql;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The contacts, interviews and new follow-ups one batch of events touches. Every contact the
 * batch names is read with its interviews in two statements; the changed rows are written back in
 * one batched upsert per table.
 */
final class ContactsBatch extends ProjectionBatch {

    private static final Comparator<ContactInterview> REQUEST_ORDER =
            Comparator.comparing(ContactInterview::requestedAt).thenComparing(ContactInterview::interviewId);

    private final JdbcTemplate jdbc;
    private final Map<UUID, Contact> contacts = new HashMap<>();
    private final Map<UUID, List<ContactInterview>> interviews = new HashMap<>();
    private final Map<UUID, Contact> changedContacts = new LinkedHashMap<>();
    private final Map<UUID, ContactInterview> changedInterviews = new LinkedHashMap<>();
    private final List<ContactFollowUp> newFollowUps = new ArrayList<>();

    private ContactsBatch(JdbcTemplate jdbc, List<? extends EventMessage<?>> events) {
        this.jdbc = jdbc;
        Set<EventSubject> about = EventSubject.contactsOf(events);
        Sql.ofContacts(jdbc, "SELECT * FROM contact WHERE owner_id = ANY(?) AND contact_id = ANY(?)", about,
                        (row, n) -> Contact.read(row))
                .forEach(contact -> contacts.put(contact.contactId(), contact));
        Sql.ofContacts(jdbc, "SELECT * FROM contact_interview WHERE owner_id = ANY(?) AND contact_id = ANY(?)", about,
                        (row, n) -> ContactInterview.read(row))
                .forEach(interview -> interviewsOf(interview.contactId()).add(interview));
        interviews.values().forEach(list -> list.sort(REQUEST_ORDER));
    }

    static ContactsBatch of(Object projection, JdbcTemplate jdbc) {
        return current(projection, events -> new ContactsBatch(jdbc, events));
    }

    Optional<Contact> contact(String ownerId, UUID contactId) {
        return Optional.ofNullable(contacts.get(contactId)).filter(contact -> contact.ownerId().equals(ownerId));
    }

    void added(Contact contact) {
        contacts.put(contact.contactId(), contact);
    }

    /** The contact's interviews in the order they were requested. */
    List<ContactInterview> interviews(UUID contactId) {
        return interviewsOf(contactId);
    }

    Optional<ContactInterview> interview(UUID contactId, UUID interviewId) {
        return interviewsOf(contactId).stream().filter(interview -> interview.interviewId().equals(interviewId))
                .findFirst();
    }

    void requested(ContactInterview interview) {
        List<ContactInterview> list = interviewsOf(interview.contactId());
        list.add(interview);
        list.sort(REQUEST_ORDER);
        changed(interview);
    }

    void changed(ContactInterview interview) {
        changedInterviews.put(interview.interviewId(), interview);
    }

    void changed(Contact contact) {
        changedContacts.put(contact.contactId(), contact);
    }

    void logged(ContactFollowUp followUp) {
        newFollowUps.add(followUp);
    }

    private List<ContactInterview> interviewsOf(UUID contactId) {
        return interviews.computeIfAbsent(contactId, id -> new ArrayList<>());
    }

    @Override
    protected void write() {
        Sql.batch(jdbc, """
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
                changedContacts.values(), (statement, contact) -> {
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
        Sql.batch(jdbc, """
                INSERT INTO contact_interview (interview_id, contact_id, owner_id, status, channel, duration_minutes,
                    purpose, message, requested_at, responded_at, response_note, scheduled_for, mode, location,
                    prepared_at, held_at, actual_minutes, thanked_at, cancelled_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (interview_id) DO UPDATE SET status = EXCLUDED.status,
                    responded_at = EXCLUDED.responded_at, response_note = EXCLUDED.response_note,
                    scheduled_for = EXCLUDED.scheduled_for, mode = EXCLUDED.mode, location = EXCLUDED.location,
                    prepared_at = EXCLUDED.prepared_at, held_at = EXCLUDED.held_at,
                    actual_minutes = EXCLUDED.actual_minutes, thanked_at = EXCLUDED.thanked_at,
                    cancelled_at = EXCLUDED.cancelled_at""",
                changedInterviews.values(), (statement, interview) -> {
                    statement.setObject(1, interview.interviewId());
                    statement.setObject(2, interview.contactId());
                    statement.setString(3, interview.ownerId());
                    statement.setString(4, Sql.name(interview.status()));
                    statement.setString(5, Sql.name(interview.channel()));
                    statement.setInt(6, interview.durationMinutes());
                    statement.setString(7, interview.purpose());
                    statement.setString(8, interview.message());
                    statement.setTimestamp(9, Sql.timestamp(interview.requestedAt()));
                    statement.setTimestamp(10, Sql.timestamp(interview.respondedAt()));
                    statement.setString(11, interview.responseNote());
                    statement.setTimestamp(12, Sql.timestamp(interview.scheduledFor()));
                    statement.setString(13, Sql.name(interview.mode()));
                    statement.setString(14, interview.location());
                    statement.setTimestamp(15, Sql.timestamp(interview.preparedAt()));
                    statement.setTimestamp(16, Sql.timestamp(interview.heldAt()));
                    Sql.setInteger(statement, 17, interview.actualMinutes());
                    statement.setTimestamp(18, Sql.timestamp(interview.thankedAt()));
                    statement.setTimestamp(19, Sql.timestamp(interview.cancelledAt()));
                });
        Sql.batch(jdbc, """
                INSERT INTO contact_follow_up (follow_up_id, contact_id, owner_id, kind, channel, note, at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (follow_up_id) DO NOTHING""",
                newFollowUps, (statement, followUp) -> {
                    statement.setObject(1, followUp.followUpId());
                    statement.setObject(2, followUp.contactId());
                    statement.setString(3, followUp.ownerId());
                    statement.setString(4, Sql.name(followUp.kind()));
                    statement.setString(5, Sql.name(followUp.channel()));
                    statement.setString(6, followUp.note());
                    statement.setTimestamp(7, Sql.timestamp(followUp.at()));
                });
    }
}
