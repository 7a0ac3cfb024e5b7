package app.rapport.query.calendar;

import java.time.Instant;
import java.util.UUID;

import app.rapport.query.support.Sql;
import org.springframework.jdbc.core.RowMapper;

/**
 * Something due, as the follow-ups read model has it, while it is open.
 *
 * @param itemId the item's natural key (its kind and what it belongs to), from which its UID comes
 * @param kind as the overdue view names it ({@code THANK_YOU}, {@code KEEP_IN_TOUCH}, …); text, so
 *        that a kind added to that view later reaches the calendar without a change here
 */
record OpenDueItem(String itemId, String kind, Instant dueAt, UUID contactId, UUID interviewId, String contactName) {

    static final RowMapper<OpenDueItem> ROWS = (row, n) -> new OpenDueItem(row.getString("item_id"),
            row.getString("kind"), Sql.instant(row, "due_at"), Sql.uuid(row, "contact_id"),
            Sql.uuid(row, "interview_id"), row.getString("name"));
}
