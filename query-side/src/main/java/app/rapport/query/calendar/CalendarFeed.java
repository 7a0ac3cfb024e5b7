package app.rapport.query.calendar;

import java.time.Instant;

import app.rapport.query.support.Sql;
import app.rapport.query.support.Upsert;
import org.springframework.jdbc.core.RowMapper;

/**
 * One networker's calendar feed as the read model keeps it.
 *
 * @param tokenHash the SHA-256 of the open feed's token; null once the feed was revoked
 * @param lastSequence the networker's last feed event applied: an event at or below it changes nothing
 */
record CalendarFeed(String ownerId, String tokenHash, Instant changedAt, long lastSequence) {

    static final RowMapper<CalendarFeed> MAPPER = (row, n) -> new CalendarFeed(row.getString("owner_id"),
            row.getString("token_hash"), Sql.instant(row, "changed_at"), row.getLong("last_sequence"));

    /** Writes the row unless a later event of the networker's stream was applied already. */
    static final Upsert<CalendarFeed> UPSERT = new Upsert<>("""
            INSERT INTO calendar_feed (owner_id, token_hash, changed_at, last_sequence)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (owner_id) DO UPDATE SET token_hash = EXCLUDED.token_hash,
                changed_at = EXCLUDED.changed_at, last_sequence = EXCLUDED.last_sequence
            WHERE calendar_feed.last_sequence < EXCLUDED.last_sequence""",
            (statement, feed) -> {
                statement.setString(1, feed.ownerId());
                statement.setString(2, feed.tokenHash());
                statement.setTimestamp(3, Sql.timestamp(feed.changedAt()));
                statement.setLong(4, feed.lastSequence());
            });
}
