package app.rapport.query.followup;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.rapport.query.support.EventSubject;
import app.rapport.query.support.ProjectionBatch;
import app.rapport.query.support.RederivedContacts;
import app.rapport.query.support.Sql;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The contacts and deadlines one batch of events touches: read in one statement per table for
 * every contact the batch names, written back in one batched upsert per table, after the rows of
 * contacts re-derived from their history ({@link #forget}) are deleted.
 */
final class FollowUpsBatch extends ProjectionBatch implements RederivedContacts<DueContact> {

    private final JdbcTemplate jdbc;
    private final Map<UUID, DueContact> contacts = new HashMap<>();
    private final Map<String, DueItem> items = new HashMap<>();
    private final Map<UUID, DueContact> changedContacts = new LinkedHashMap<>();
    private final Map<String, DueItem> changedItems = new LinkedHashMap<>();
    private final Set<String> removedItems = new LinkedHashSet<>();
    private final Set<EventSubject> forgotten = new LinkedHashSet<>();

    private FollowUpsBatch(JdbcTemplate jdbc, List<? extends EventMessage<?>> events) {
        this.jdbc = jdbc;
        Set<EventSubject> about = EventSubject.contactsOf(events);
        Sql.ofContacts(jdbc, "SELECT * FROM due_contact WHERE owner_id = ANY(?) AND contact_id = ANY(?)", about,
                        DueContact.MAPPER)
                .forEach(contact -> contacts.put(contact.contactId(), contact));
        Sql.ofContacts(jdbc, "SELECT * FROM due_item WHERE owner_id = ANY(?) AND contact_id = ANY(?)", about,
                        DueItem.MAPPER)
                .forEach(item -> items.put(item.itemId(), item));
    }

    static FollowUpsBatch of(Object projection, JdbcTemplate jdbc) {
        return current(projection, events -> new FollowUpsBatch(jdbc, events));
    }

    @Override
    public Optional<DueContact> contact(String ownerId, UUID contactId) {
        return Optional.ofNullable(contacts.get(contactId)).filter(contact -> contact.ownerId().equals(ownerId));
    }

    @Override
    public void changed(DueContact contact) {
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
        removedItems.remove(item.itemId());
    }

    /** Drops a deadline that nothing can reopen; its stored row is deleted before the batch writes. */
    void remove(DueItem item) {
        items.remove(item.itemId());
        changedItems.remove(item.itemId());
        removedItems.add(item.itemId());
    }

    /**
     * Drops the contact and its deadlines, as read and as changed so far, so that its history can
     * be folded again from nothing; its stored rows are deleted before the batch writes.
     */
    @Override
    public void forget(EventSubject contact) {
        UUID id = contact.contactId();
        contacts.remove(id);
        changedContacts.remove(id);
        items.values().removeIf(item -> item.contactId().equals(id));
        changedItems.values().removeIf(item -> item.contactId().equals(id));
        forgotten.add(contact);
    }

    @Override
    protected void write() {
        Sql.deleteOfContacts(jdbc, "due_item", forgotten);
        Sql.deleteOfContacts(jdbc, "due_contact", forgotten);
        if (!removedItems.isEmpty()) {
            jdbc.update("DELETE FROM due_item WHERE item_id = ANY(?)", Sql.varcharArray(removedItems.toArray()));
        }
        DueContact.UPSERT.write(jdbc, changedContacts.values());
        DueItem.UPSERT.write(jdbc, changedItems.values());
    }
}
