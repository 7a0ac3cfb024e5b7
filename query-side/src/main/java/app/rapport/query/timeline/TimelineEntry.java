package app.rapport.query.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.query.support.Sql;
import app.rapport.query.support.Upsert;
import com.fasterxml.jackson.core.type.TypeReference;
import org.springframework.jdbc.core.RowMapper;

/**
 * One line of a relationship's timeline, as the pure {@link Timeline} function derives it and as
 * the timeline_entry table stores it.
 *
 * @param eventId the event behind the entry, which a correction or a retraction names ({@code entryId})
 * @param at when it happened, as the networker tells it (the order of the timeline)
 * @param recordedAt when it was recorded: the event's timestamp
 * @param sequence the event's position in the contact's stream, the tie-breaker for equal {@code at}
 */
public record TimelineEntry(String eventId, String ownerId, UUID contactId, long sequence, Instant at,
                            Instant recordedAt, String type, String summary, UUID interviewId,
                            Map<String, Object> details, List<Flag> flags) {

    static final RowMapper<TimelineEntry> MAPPER = (row, n) -> new TimelineEntry(row.getString("event_id"),
            row.getString("owner_id"), Sql.uuid(row, "contact_id"), row.getLong("sequence"), Sql.instant(row, "at"),
            Sql.instant(row, "recorded_at"), row.getString("type"), row.getString("summary"),
            Sql.uuid(row, "interview_id"), Sql.json(row, "details", new TypeReference<Map<String, Object>>() {
            }), Sql.json(row, "flags", new TypeReference<List<Flag>>() {
            }));

    /**
     * An entry is derived from the contact's stream up to its event and the amendments after it:
     * written again from the same stream, it is the same row; written after a correction or a
     * retraction, it is the entry as amended.
     */
    static final Upsert<TimelineEntry> UPSERT = new Upsert<>("""
            INSERT INTO timeline_entry (event_id, owner_id, contact_id, sequence, at, recorded_at, type, summary,
                interview_id, details, flags)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)
            ON CONFLICT (event_id) DO UPDATE SET at = EXCLUDED.at, summary = EXCLUDED.summary,
                details = EXCLUDED.details, flags = EXCLUDED.flags""",
            (statement, entry) -> {
                statement.setString(1, entry.eventId());
                statement.setString(2, entry.ownerId());
                statement.setObject(3, entry.contactId());
                statement.setLong(4, entry.sequence());
                statement.setTimestamp(5, Sql.timestamp(entry.at()));
                statement.setTimestamp(6, Sql.timestamp(entry.recordedAt()));
                statement.setString(7, entry.type());
                statement.setString(8, entry.summary());
                statement.setObject(9, entry.interviewId());
                statement.setString(10, Sql.json(entry.details()));
                statement.setString(11, Sql.json(entry.flags()));
            });

    /** The same entry with other flags and details, as a later correction or retraction reads it. */
    TimelineEntry amended(List<Flag> flags, Map<String, Object> details) {
        return new TimelineEntry(eventId, ownerId, contactId, sequence, at, recordedAt, type, summary, interviewId,
                details, flags);
    }
}
