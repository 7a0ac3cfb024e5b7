package app.rapport.query.analytics;

import java.sql.Types;
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
                        (row, n) -> OutreachContact.read(row))
                .forEach(contact -> contacts.put(contact.contactId(), contact));
        Sql.ofContacts(jdbc, "SELECT * FROM outreach_request WHERE owner_id = ANY(?) AND contact_id = ANY(?)", about,
                        (row, n) -> OutreachRequest.read(row))
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
        Sql.batch(jdbc, """
                INSERT INTO outreach_contact (contact_id, owner_id, source, specialization, last_sequence)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (contact_id) DO UPDATE SET specialization = EXCLUDED.specialization,
                    last_sequence = EXCLUDED.last_sequence""",
                changedContacts.values(), (statement, contact) -> {
                    statement.setObject(1, contact.contactId());
                    statement.setString(2, contact.ownerId());
                    statement.setString(3, Sql.name(contact.source()));
                    statement.setString(4, contact.specialization());
                    statement.setLong(5, contact.lastSequence());
                });
        Sql.batch(jdbc, """
                INSERT INTO outreach_request (interview_id, owner_id, contact_id, channel, requested_at, outcome,
                    responded_at, hours_to_response, cancelled, held_at, overran, thank_you_within_24h)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (interview_id) DO UPDATE SET outcome = EXCLUDED.outcome,
                    responded_at = EXCLUDED.responded_at, hours_to_response = EXCLUDED.hours_to_response,
                    cancelled = EXCLUDED.cancelled, held_at = EXCLUDED.held_at, overran = EXCLUDED.overran,
                    thank_you_within_24h = EXCLUDED.thank_you_within_24h""",
                changedRequests.values(), (statement, request) -> {
                    statement.setObject(1, request.interviewId());
                    statement.setString(2, request.ownerId());
                    statement.setObject(3, request.contactId());
                    statement.setString(4, Sql.name(request.channel()));
                    statement.setTimestamp(5, Sql.timestamp(request.requestedAt()));
                    statement.setString(6, Sql.name(request.outcome()));
                    statement.setTimestamp(7, Sql.timestamp(request.respondedAt()));
                    statement.setObject(8, request.hoursToResponse(), Types.DOUBLE);
                    statement.setBoolean(9, request.isCancelled());
                    statement.setTimestamp(10, Sql.timestamp(request.heldAt()));
                    statement.setBoolean(11, request.overran());
                    statement.setBoolean(12, request.thankYouWithin24h());
                });
    }
}
