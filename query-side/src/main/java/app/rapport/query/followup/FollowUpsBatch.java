package app.rapport.query.followup;

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
 * The contacts and deadlines one batch of events touches: read in one statement per table for
 * every contact the batch names, written back in one batched upsert per table.
 */
final class FollowUpsBatch extends ProjectionBatch {

    private final JdbcTemplate jdbc;
    private final Map<UUID, DueContact> contacts = new HashMap<>();
    private final Map<String, DueItem> items = new HashMap<>();
    private final Map<UUID, DueContact> changedContacts = new LinkedHashMap<>();
    private final Map<String, DueItem> changedItems = new LinkedHashMap<>();

    private FollowUpsBatch(JdbcTemplate jdbc, List<? extends EventMessage<?>> events) {
        this.jdbc = jdbc;
        Set<EventSubject> about = EventSubject.contactsOf(events);
        Sql.ofContacts(jdbc, "SELECT * FROM due_contact WHERE owner_id = ANY(?) AND contact_id = ANY(?)", about,
                        (row, n) -> DueContact.read(row))
                .forEach(contact -> contacts.put(contact.contactId(), contact));
        Sql.ofContacts(jdbc, "SELECT * FROM due_item WHERE owner_id = ANY(?) AND contact_id = ANY(?)", about,
                        (row, n) -> DueItem.read(row))
                .forEach(item -> items.put(item.itemId(), item));
    }

    static FollowUpsBatch of(Object projection, JdbcTemplate jdbc) {
        return current(projection, events -> new FollowUpsBatch(jdbc, events));
    }

    Optional<DueContact> contact(String ownerId, UUID contactId) {
        return Optional.ofNullable(contacts.get(contactId)).filter(contact -> contact.ownerId().equals(ownerId));
    }

    void changed(DueContact contact) {
        contacts.put(contact.contactId(), contact);
        changedContacts.put(contact.contactId(), contact);
    }

    Optional<DueItem> item(String ownerId, String itemId) {
        return Optional.ofNullable(items.get(itemId)).filter(item -> item.ownerId().equals(ownerId));
    }

    List<DueItem> itemsOf(UUID contactId) {
        return items.values().stream().filter(item -> item.contactId().equals(contactId)).toList();
    }

    void save(DueItem item) {
        items.put(item.itemId(), item);
        changedItems.put(item.itemId(), item);
    }

    @Override
    protected void write() {
        Sql.batch(jdbc, """
                INSERT INTO due_contact (contact_id, owner_id, name, cadence_days, last_touch_at, connected, archived,
                    last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (contact_id) DO UPDATE SET name = EXCLUDED.name, cadence_days = EXCLUDED.cadence_days,
                    last_touch_at = EXCLUDED.last_touch_at, connected = EXCLUDED.connected,
                    archived = EXCLUDED.archived, last_sequence = EXCLUDED.last_sequence""",
                changedContacts.values(), (statement, contact) -> {
                    statement.setObject(1, contact.contactId());
                    statement.setString(2, contact.ownerId());
                    statement.setString(3, contact.name());
                    Sql.setInteger(statement, 4, contact.cadenceDays());
                    statement.setTimestamp(5, Sql.timestamp(contact.lastTouchAt()));
                    statement.setBoolean(6, contact.isConnected());
                    statement.setBoolean(7, contact.isArchived());
                    statement.setLong(8, contact.lastSequence());
                });
        Sql.batch(jdbc, """
                INSERT INTO due_item (item_id, owner_id, contact_id, interview_id, kind, due_at, open)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (item_id) DO UPDATE SET due_at = EXCLUDED.due_at, open = EXCLUDED.open""",
                changedItems.values(), (statement, item) -> {
                    statement.setString(1, item.itemId());
                    statement.setString(2, item.ownerId());
                    statement.setObject(3, item.contactId());
                    statement.setObject(4, item.interviewId());
                    statement.setString(5, Sql.name(item.kind()));
                    statement.setTimestamp(6, Sql.timestamp(item.dueAt()));
                    statement.setBoolean(7, item.isOpen());
                });
    }
}
