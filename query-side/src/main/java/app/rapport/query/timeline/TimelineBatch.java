package app.rapport.query.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.query.support.EventSubject;
import app.rapport.query.support.ProjectionBatch;
import app.rapport.query.support.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The timeline states of the contacts one batch of events is about (read in one statement) and
 * the entries the batch adds; both written in one batched statement per table.
 */
final class TimelineBatch extends ProjectionBatch {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final JdbcTemplate jdbc;
    private final Map<UUID, TimelineStateRow> states = new HashMap<>();
    private final Map<UUID, TimelineStateRow> changedStates = new LinkedHashMap<>();
    private final List<TimelineEntry> entries = new ArrayList<>();

    private TimelineBatch(JdbcTemplate jdbc, List<? extends EventMessage<?>> events) {
        this.jdbc = jdbc;
        Sql.ofContacts(jdbc, "SELECT * FROM timeline_state WHERE owner_id = ANY(?) AND contact_id = ANY(?)",
                        EventSubject.contactsOf(events),
                        (row, n) -> new TimelineStateRow(Sql.uuid(row, "contact_id"), row.getString("owner_id"),
                                read(row.getString("state")), row.getLong("last_sequence")))
                .forEach(state -> states.put(state.getId(), state));
    }

    static TimelineBatch of(Object projection, JdbcTemplate jdbc) {
        return current(projection, events -> new TimelineBatch(jdbc, events));
    }

    /** The contact's state as the batch has it, or a new empty one. */
    TimelineStateRow state(EventSubject contact) {
        return states.computeIfAbsent(contact.contactId(), id -> new TimelineStateRow(id, contact.ownerId()));
    }

    void advanced(TimelineStateRow state) {
        changedStates.put(state.getId(), state);
    }

    void add(TimelineEntry entry) {
        entries.add(entry);
    }

    @Override
    protected void write() {
        Sql.batch(jdbc, """
                INSERT INTO timeline_state (contact_id, owner_id, state, last_sequence) VALUES (?, ?, ?::jsonb, ?)
                ON CONFLICT (contact_id) DO UPDATE SET state = EXCLUDED.state, last_sequence = EXCLUDED.last_sequence""",
                changedStates.values(), (statement, state) -> {
                    statement.setObject(1, state.getId());
                    statement.setString(2, state.ownerId());
                    statement.setString(3, write(state.state()));
                    statement.setLong(4, state.lastSequence());
                });
        // an entry is derived from its event alone: written again, it is the same row
        Sql.batch(jdbc, """
                INSERT INTO timeline_entry (event_id, owner_id, contact_id, sequence, at, recorded_at, type, summary,
                    interview_id, details, flags)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)
                ON CONFLICT (event_id) DO NOTHING""",
                entries, (statement, entry) -> {
                    statement.setString(1, entry.eventId());
                    statement.setString(2, entry.ownerId());
                    statement.setObject(3, entry.contactId());
                    statement.setLong(4, entry.sequence());
                    statement.setTimestamp(5, Sql.timestamp(entry.at()));
                    statement.setTimestamp(6, Sql.timestamp(entry.recordedAt()));
                    statement.setString(7, entry.type());
                    statement.setString(8, entry.summary());
                    statement.setObject(9, entry.interviewId());
                    statement.setString(10, write(entry.details()));
                    statement.setString(11, write(entry.flags()));
                });
    }

    private static TimelineState read(String json) {
        try {
            return JSON.readValue(json, TimelineState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable timeline state: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
