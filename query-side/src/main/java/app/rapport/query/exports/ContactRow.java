package app.rapport.query.exports;

import java.time.Instant;
import java.util.UUID;

import app.rapport.query.support.Sql;
import org.springframework.jdbc.core.RowMapper;

/**
 * What the contacts read model contributes to an export: which contacts the journal has, in the
 * contact list's order, and what only the read model derives (stage, last touch).
 *
 * @param sortName the name as the contact list sorts it, to page on
 */
record ContactRow(UUID contactId, String sortName, String stage, Instant lastTouchAt) {

    static final RowMapper<ContactRow> ROWS = (row, n) -> new ContactRow(Sql.uuid(row, "contact_id"),
            row.getString("sort_name"), row.getString("stage"), Sql.instant(row, "last_touch_at"));
}
