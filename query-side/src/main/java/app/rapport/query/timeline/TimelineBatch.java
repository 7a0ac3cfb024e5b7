package app.rapport.query.timeline;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.query.support.EventSubject;
import app.rapport.query.support.ProjectionBatch;
import app.rapport.query.support.Sql;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The timeline states of the contacts one batch of events is about (read in one statement) and
 * the entries the batch adds or derives again; both written in one batched statement per table.
 */
final class TimelineBatch extends ProjectionBatch {

    private final JdbcTemplate jdbc;
    private final Map<UUID, TimelineStateRow> states = new HashMap<>();
    private final Map<UUID, TimelineStateRow> changedStates = new LinkedHashMap<>();
    private final Map<String, TimelineEntry> entries = new LinkedHashMap<>();

    private TimelineBatch(JdbcTemplate jdbc, List<? extends EventMessage<?>> events) {
        this.jdbc = jdbc;
        Sql.ofContacts(jdbc, "SELECT * FROM timeline_state WHERE owner_id = ANY(?) AND contact_id = ANY(?)",
                        EventSubject.contactsOf(events), TimelineStateRow.MAPPER)
                .forEach(state -> states.put(state.contactId(), state));
    }

    static TimelineBatch of(Object projection, JdbcTemplate jdbc) {
        return current(projection, events -> new TimelineBatch(jdbc, events));
    }

    /** The contact's state as the batch has it, or a new empty one. */
    TimelineStateRow state(EventSubject contact) {
        return states.getOrDefault(contact.contactId(), TimelineStateRow.empty(contact.contactId(), contact.ownerId()));
    }

    void advanced(TimelineStateRow state) {
        states.put(state.contactId(), state);
        changedStates.put(state.contactId(), state);
    }

    /** A new entry, or one derived again after a correction or a retraction, which replaces it. */
    void add(TimelineEntry entry) {
        entries.put(entry.eventId(), entry);
    }

    @Override
    protected void write() {
        TimelineStateRow.UPSERT.write(jdbc, changedStates.values());
        TimelineEntry.UPSERT.write(jdbc, entries.values());
    }
}
