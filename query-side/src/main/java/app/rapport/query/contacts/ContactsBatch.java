package app.rapport.query.contacts;

import java.util.ArrayList;
import java.util.Comparator;
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
 * The contacts, interviews, commitments and new follow-ups one batch of events touches. Every
 * contact the batch names is read with its interviews and commitments in three statements; the
 * changed rows are written back in one batched upsert per table, after the rows of contacts
 * re-derived from their history ({@link #forget}) or erased ({@link #erase}) are deleted.
 */
final class ContactsBatch extends ProjectionBatch implements RederivedContacts<Contact> {

    private static final Comparator<ContactInterview> REQUEST_ORDER =
            Comparator.comparing(ContactInterview::requestedAt).thenComparing(ContactInterview::interviewId);

    private final JdbcTemplate jdbc;
    private final Map<UUID, Contact> contacts = new HashMap<>();
    private final Map<UUID, List<ContactInterview>> interviews = new HashMap<>();
    private final Map<UUID, Contact> changedContacts = new LinkedHashMap<>();
    private final Map<UUID, ContactInterview> changedInterviews = new LinkedHashMap<>();
    private final Map<UUID, ContactFollowUp> newFollowUps = new LinkedHashMap<>();
    private final Map<CommitmentKey, ContactCommitment> commitments = new HashMap<>();
    private final Map<CommitmentKey, ContactCommitment> changedCommitments = new LinkedHashMap<>();
    private final Set<EventSubject> forgotten = new LinkedHashSet<>();
    private final Map<UUID, ErasedContact> erased = new HashMap<>();
    private final Map<UUID, ErasedContact> newlyErased = new LinkedHashMap<>();

    private ContactsBatch(JdbcTemplate jdbc, List<? extends EventMessage<?>> events) {
        this.jdbc = jdbc;
        Set<EventSubject> about = EventSubject.contactsOf(events);
        Sql.ofContacts(jdbc, "SELECT * FROM contact WHERE owner_id = ANY(?) AND contact_id = ANY(?)", about,
                        Contact.MAPPER)
                .forEach(contact -> contacts.put(contact.contactId(), contact));
        Sql.ofContacts(jdbc, "SELECT * FROM contact_interview WHERE owner_id = ANY(?) AND contact_id = ANY(?)", about,
                        ContactInterview.MAPPER)
                .forEach(interview -> interviewsOf(interview.contactId()).add(interview));
        interviews.values().forEach(list -> list.sort(REQUEST_ORDER));
        Sql.ofContacts(jdbc, "SELECT * FROM contact_commitment WHERE owner_id = ANY(?) AND contact_id = ANY(?)", about,
                        ContactCommitment.MAPPER)
                .forEach(commitment -> commitments.put(CommitmentKey.of(commitment), commitment));
        Sql.ofContacts(jdbc, "SELECT * FROM erased_contact WHERE owner_id = ANY(?) AND contact_id = ANY(?)", about,
                        ErasedContact.MAPPER)
                .forEach(contact -> erased.put(contact.contactId(), contact));
    }

    /** A commitment's id is unique within its contact. */
    private record CommitmentKey(UUID contactId, UUID commitmentId) {

        static CommitmentKey of(ContactCommitment commitment) {
            return new CommitmentKey(commitment.contactId(), commitment.commitmentId());
        }
    }

    static ContactsBatch of(Object projection, JdbcTemplate jdbc) {
        return current(projection, events -> new ContactsBatch(jdbc, events));
    }

    @Override
    public Optional<Contact> contact(String ownerId, UUID contactId) {
        return Optional.ofNullable(contacts.get(contactId)).filter(contact -> contact.ownerId().equals(ownerId));
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

    /** The interview as changed; its place in the request order stays, since what orders it never changes. */
    void changed(ContactInterview interview) {
        interviewsOf(interview.contactId())
                .replaceAll(known -> known.interviewId().equals(interview.interviewId()) ? interview : known);
        changedInterviews.put(interview.interviewId(), interview);
    }

    @Override
    public void changed(Contact contact) {
        contacts.put(contact.contactId(), contact);
        changedContacts.put(contact.contactId(), contact);
    }

    void logged(ContactFollowUp followUp) {
        newFollowUps.put(followUp.followUpId(), followUp);
    }

    Optional<ContactCommitment> commitment(UUID contactId, UUID commitmentId) {
        return Optional.ofNullable(commitments.get(new CommitmentKey(contactId, commitmentId)));
    }

    void changed(ContactCommitment commitment) {
        commitments.put(CommitmentKey.of(commitment), commitment);
        changedCommitments.put(CommitmentKey.of(commitment), commitment);
    }

    /**
     * Drops every row of the contact, as read and as changed so far, so that its history can be
     * folded again from nothing; its stored rows are deleted before the batch writes.
     */
    @Override
    public void forget(EventSubject contact) {
        UUID id = contact.contactId();
        contacts.remove(id);
        interviews.remove(id);
        changedContacts.remove(id);
        changedInterviews.values().removeIf(interview -> interview.contactId().equals(id));
        newFollowUps.values().removeIf(followUp -> followUp.contactId().equals(id));
        commitments.keySet().removeIf(key -> key.contactId().equals(id));
        changedCommitments.keySet().removeIf(key -> key.contactId().equals(id));
        forgotten.add(contact);
    }

    /** Whether the contact was forgotten: then no event of it makes a row again. */
    boolean isErased(UUID contactId) {
        return erased.containsKey(contactId);
    }

    /** Forgets every row of the contact, and keeps only that it was erased. */
    void erase(ErasedContact contact) {
        forget(new EventSubject(contact.ownerId(), contact.contactId()));
        erased.put(contact.contactId(), contact);
        newlyErased.put(contact.contactId(), contact);
    }

    private List<ContactInterview> interviewsOf(UUID contactId) {
        return interviews.computeIfAbsent(contactId, id -> new ArrayList<>());
    }

    @Override
    protected void write() {
        Sql.deleteOfContacts(jdbc, "contact_commitment", forgotten);
        Sql.deleteOfContacts(jdbc, "contact_follow_up", forgotten);
        Sql.deleteOfContacts(jdbc, "contact_interview", forgotten);
        Sql.deleteOfContacts(jdbc, "contact", forgotten);
        Contact.UPSERT.write(jdbc, changedContacts.values());
        ContactInterview.UPSERT.write(jdbc, changedInterviews.values());
        ContactFollowUp.UPSERT.write(jdbc, newFollowUps.values());
        ContactCommitment.UPSERT.write(jdbc, changedCommitments.values());
        ErasedContact.UPSERT.write(jdbc, newlyErased.values());
    }
}
