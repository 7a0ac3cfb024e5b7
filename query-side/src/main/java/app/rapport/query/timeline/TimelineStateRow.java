package app.rapport.query.timeline;

import java.util.UUID;

import app.rapport.query.support.Sql;
import app.rapport.query.support.Upsert;
import com.fasterxml.jackson.core.type.TypeReference;
import org.springframework.jdbc.core.RowMapper;

/**
 * The timeline's memory of one contact, and how far into its stream it has read.
 *
 * @param lastSequence the contact's last event folded in; -1 before any
 */
record TimelineStateRow(UUID contactId, String ownerId, TimelineState state, long lastSequence) {

    static final RowMapper<TimelineStateRow> MAPPER = (row, n) -> new TimelineStateRow(Sql.uuid(row, "contact_id"),
            row.getString("owner_id"), Sql.json(row, "state", new TypeReference<TimelineState>() {
            }), row.getLong("last_sequence"));

    static final Upsert<TimelineStateRow> UPSERT = new Upsert<>("""
            INSERT INTO timeline_state (contact_id, owner_id, state, last_sequence) VALUES (?, ?, ?::jsonb, ?)
            ON CONFLICT (contact_id) DO UPDATE SET state = EXCLUDED.state, last_sequence = EXCLUDED.last_sequence""",
            (statement, row) -> {
                statement.setObject(1, row.contactId());
                statement.setString(2, row.ownerId());
                statement.setString(3, Sql.json(row.state()));
                statement.setLong(4, row.lastSequence());
            });

    /** A contact the timeline has not seen yet. */
    static TimelineStateRow empty(UUID contactId, String ownerId) {
        return new TimelineStateRow(contactId, ownerId, TimelineState.EMPTY, -1);
    }

    /** An event at or below the last folded sequence number was folded already. */
    boolean alreadyApplied(long sequence) {
        return sequence <= lastSequence;
    }

    TimelineStateRow advance(TimelineState state, long sequence) {
        return new TimelineStateRow(contactId, ownerId, state, sequence);
    }
}
