package app.rapport.query.timeline;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.rapport.query.support.PagedResult;
import app.rapport.query.support.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored timeline's queries; every one takes the owner first. */
@Repository
class Timelines {

    private final JdbcClient jdbc;

    Timelines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the timeline knows the owner's contact: its state exists from the contact's first event. */
    boolean existsFor(String ownerId, UUID contactId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM timeline_state WHERE owner_id = :ownerId AND contact_id = :contactId)")
                .param("ownerId", ownerId).param("contactId", contactId).query(Boolean.class).single();
    }

    /** The first entry of the owner's contact of one type whose details name {@code id} under {@code key}. */
    Optional<TimelineEntry> findEntry(String ownerId, UUID contactId, String type, String key, UUID id) {
        return jdbc.sql("""
                        SELECT * FROM timeline_entry
                        WHERE owner_id = :ownerId AND contact_id = :contactId AND type = :type AND details ->> :key = :id
                        ORDER BY at, sequence LIMIT 1""")
                .param("ownerId", ownerId).param("contactId", contactId).param("type", type).param("key", key)
                .param("id", id.toString()).query(TimelineEntry.MAPPER).optional();
    }

    /** The contact's entries in the order of {@code at}, then of the contact's stream. */
    PagedResult<TimelineEntry> findEntries(String ownerId, UUID contactId, int page, int size) {
        return Paging.select(jdbc, "FROM timeline_entry WHERE owner_id = :ownerId AND contact_id = :contactId",
                "at, sequence", Map.of("ownerId", ownerId, "contactId", contactId), TimelineEntry.MAPPER, page, size);
    }
}
