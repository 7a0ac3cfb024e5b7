package app.rapport.query.calendar;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What goes into a feed, read from the read models that already know it: interviews with a time
 * from the contacts read model, open items from the follow-ups read model. Read only; those
 * tables belong to their projections.
 */
@Repository
class CalendarEntries {

    private final JdbcClient jdbc;

    CalendarEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The owner's interviews that were given a time and not called off: on the calendar, and once
     * held still where they took place. A cancelled one drops out, and so does one whose schedule
     * was retracted (it has no time any more), as do the interviews of archived contacts.
     */
    List<ScheduledInterview> findInterviews(String ownerId) {
        return jdbc.sql("""
                        SELECT i.interview_id, i.contact_id, c.name, c.organization, i.scheduled_for,
                               i.duration_minutes, i.mode, i.location, i.purpose,
                               i.status IN ('HELD', 'THANKED') AS held
                        FROM contact_interview i
                        JOIN contact c ON c.contact_id = i.contact_id AND c.owner_id = i.owner_id
                        WHERE i.owner_id = :ownerId AND i.scheduled_for IS NOT NULL
                          AND i.status IN ('SCHEDULED', 'PREPARED', 'HELD', 'THANKED') AND NOT c.archived
                        ORDER BY i.scheduled_for, i.interview_id""")
                .param("ownerId", ownerId).query(ScheduledInterview.ROWS).list();
    }

    /** The owner's open due items, whatever their due time: a closed one drops out. */
    List<OpenDueItem> findDueItems(String ownerId) {
        return jdbc.sql("""
                        SELECT d.item_id, d.kind, d.due_at, d.contact_id, d.interview_id, c.name
                        FROM due_item d
                        LEFT JOIN due_contact c ON c.contact_id = d.contact_id AND c.owner_id = d.owner_id
                        WHERE d.owner_id = :ownerId AND d.open
                        ORDER BY d.due_at, d.item_id""")
                .param("ownerId", ownerId).query(OpenDueItem.ROWS).list();
    }
}
