package app.rapport.query.analytics;

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
 * The contacts and requests one batch of events touches: read in one statement per table for
 * every contact the batch names, written back in one batched upsert per table.
 */
final class AnalyticsBatch extends ProjectionBatch {

    private final JdbcTemplate jdbc;
    private final Map<UUID, OutreachContact> contacts = new HashMap<>();
    private final Map<UUID, OutreachRequest> requests = new HashMap<>();
    private final Map<UUID, OutreachContact> changedContacts = new LinkedHashMap<>();
    private final Map<UUID, OutreachRequest> changedRequests = new LinkedHashMap<>();

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

    Optional<OutreachContact> contact(String ownerId, UUID contactId) {
        return Optional.ofNullable(contacts.get(contactId)).filter(contact -> contact.ownerId().equals(ownerId));
    }

    void changed(OutreachContact contact) {
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

    @Override
    protected void write() {
        OutreachContact.UPSERT.write(jdbc, changedContacts.values());
        OutreachRequest.UPSERT.write(jdbc, changedRequests.values());
    }
}
