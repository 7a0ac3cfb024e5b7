package app.rapport.query.commitments;

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
 * The contacts and commitments one batch of events touches: read in one statement per table for
 * every contact the batch names, written back in one batched upsert per table, after the rows of
 * contacts re-derived from their history ({@link #forget}) are deleted.
 */
final class CommitmentsBatch extends ProjectionBatch implements RederivedContacts<CommitmentContact> {

    private final JdbcTemplate jdbc;
    private final Map<UUID, CommitmentContact> contacts = new HashMap<>();
    private final Map<Key, CommitmentRow> commitments = new HashMap<>();
    private final Map<UUID, CommitmentContact> changedContacts = new LinkedHashMap<>();
    private final Map<Key, CommitmentRow> changedCommitments = new LinkedHashMap<>();
    private final Set<EventSubject> forgotten = new LinkedHashSet<>();

    /** A commitment's id is unique within its contact only. */
    private record Key(UUID contactId, UUID commitmentId) {

        static Key of(CommitmentRow row) {
            return new Key(row.contactId(), row.commitmentId());
        }
    }

    private CommitmentsBatch(JdbcTemplate jdbc, List<? extends EventMessage<?>> events) {
        this.jdbc = jdbc;
        Set<EventSubject> about = EventSubject.contactsOf(events);
        Sql.ofContacts(jdbc, "SELECT * FROM commitment_contact WHERE owner_id = ANY(?) AND contact_id = ANY(?)",
                        about, CommitmentContact.MAPPER)
                .forEach(contact -> contacts.put(contact.contactId(), contact));
        Sql.ofContacts(jdbc, "SELECT * FROM commitment WHERE owner_id = ANY(?) AND contact_id = ANY(?)", about,
                        CommitmentRow.MAPPER)
                .forEach(row -> commitments.put(Key.of(row), row));
    }

    static CommitmentsBatch of(Object projection, JdbcTemplate jdbc) {
        return current(projection, events -> new CommitmentsBatch(jdbc, events));
    }

    @Override
    public Optional<CommitmentContact> contact(String ownerId, UUID contactId) {
        return Optional.ofNullable(contacts.get(contactId)).filter(contact -> contact.ownerId().equals(ownerId));
    }

    @Override
    public void changed(CommitmentContact contact) {
        contacts.put(contact.contactId(), contact);
        changedContacts.put(contact.contactId(), contact);
    }

    Optional<CommitmentRow> commitment(UUID contactId, UUID commitmentId) {
        return Optional.ofNullable(commitments.get(new Key(contactId, commitmentId)));
    }

    boolean hasCommitments(UUID contactId) {
        return commitments.keySet().stream().anyMatch(key -> key.contactId().equals(contactId));
    }

    void save(CommitmentRow row) {
        commitments.put(Key.of(row), row);
        changedCommitments.put(Key.of(row), row);
    }

    /**
     * Drops the contact and its commitments, as read and as changed so far, so that its history
     * can be folded again from nothing; its stored rows are deleted before the batch writes.
     */
    @Override
    public void forget(EventSubject contact) {
        UUID id = contact.contactId();
        contacts.remove(id);
        changedContacts.remove(id);
        commitments.keySet().removeIf(key -> key.contactId().equals(id));
        changedCommitments.keySet().removeIf(key -> key.contactId().equals(id));
        forgotten.add(contact);
    }

    @Override
    protected void write() {
        Sql.deleteOfContacts(jdbc, "commitment", forgotten);
        Sql.deleteOfContacts(jdbc, "commitment_contact", forgotten);
        CommitmentContact.UPSERT.write(jdbc, changedContacts.values());
        CommitmentRow.UPSERT.write(jdbc, changedCommitments.values());
    }
}
