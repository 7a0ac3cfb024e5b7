package app.rapport.query.analytics;

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
 * The contacts, requests and job inquiries one batch of events touches: contacts and requests
 * read in one statement per table for every contact the batch names, everything written back in
 * one batched upsert per table, after the rows of contacts re-derived from their history
 * ({@link #forget}) are deleted. Job inquiries are only ever added, so none is read.
 */
final class AnalyticsBatch extends ProjectionBatch implements RederivedContacts<OutreachContact> {

    private final JdbcTemplate jdbc;
    private final Map<UUID, OutreachContact> contacts = new HashMap<>();
    private final Map<UUID, OutreachRequest> requests = new HashMap<>();
    private final Map<UUID, OutreachContact> changedContacts = new LinkedHashMap<>();
    private final Map<UUID, OutreachRequest> changedRequests = new LinkedHashMap<>();
    private final Map<String, OutreachInquiry> newInquiries = new LinkedHashMap<>();
    private final Set<EventSubject> forgotten = new LinkedHashSet<>();

    private AnalyticsBatch(JdbcTemplate jdbc, List<? extends EventMessage<?>> events) {
        this.jdbc = jdbc;
        Set<EventSubject> about = EventSubject.contactsOf(events);
        Sql.ofContacts(jdbc, "SELECT * FROM outreach_contact WHERE owner_id = ANY(?) AND contact_id = ANY(?)", about,
                        OutreachContact.MAPPER)
                .forEach(contact -> contacts.put(contact.contactId(), contact));
        Sql.ofContacts(jdbc, "SELECT * FROM outreach_request WHERE owner_id = ANY(?) AND contact_id = ANY(?)", about,
                        OutreachRequest.MAPPER)
                .forEach(request -> requests.put(request.interviewId(), request));
    }

    static AnalyticsBatch of(Object projection, JdbcTemplate jdbc) {
        return current(projection, events -> new AnalyticsBatch(jdbc, events));
    }

    @Override
    public Optional<OutreachContact> contact(String ownerId, UUID contactId) {
        return Optional.ofNullable(contacts.get(contactId)).filter(contact -> contact.ownerId().equals(ownerId));
    }

    @Override
    public void changed(OutreachContact contact) {
        contacts.put(contact.contactId(), contact);
        changedContacts.put(contact.contactId(), contact);
    }

    Optional<OutreachRequest> request(String ownerId, UUID interviewId) {
        return Optional.ofNullable(requests.get(interviewId)).filter(request -> request.ownerId().equals(ownerId));
    }

    void changed(OutreachRequest request) {
        requests.put(request.interviewId(), request);
        changedRequests.put(request.interviewId(), request);
    }

    void inquired(OutreachInquiry inquiry) {
        newInquiries.put(inquiry.entryId(), inquiry);
    }

    /**
     * Drops the contact with its requests and inquiries, as read and as changed so far, so that its
     * history can be folded again from nothing; its stored rows are deleted before the batch writes.
     */
    @Override
    public void forget(EventSubject contact) {
        UUID id = contact.contactId();
        contacts.remove(id);
        changedContacts.remove(id);
        requests.values().removeIf(request -> request.contactId().equals(id));
        changedRequests.values().removeIf(request -> request.contactId().equals(id));
        newInquiries.values().removeIf(inquiry -> inquiry.contactId().equals(id));
        forgotten.add(contact);
    }

    @Override
    protected void write() {
        Sql.deleteOfContacts(jdbc, "outreach_job_inquiry", forgotten);
        Sql.deleteOfContacts(jdbc, "outreach_request", forgotten);
        Sql.deleteOfContacts(jdbc, "outreach_contact", forgotten);
        OutreachContact.UPSERT.write(jdbc, changedContacts.values());
        OutreachRequest.UPSERT.write(jdbc, changedRequests.values());
        OutreachInquiry.UPSERT.write(jdbc, newInquiries.values());
    }
}
