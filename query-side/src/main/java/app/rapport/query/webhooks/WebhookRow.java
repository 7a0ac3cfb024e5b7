package app.rapport.query.webhooks;

import org.springframework.jdbc.core.RowMapper;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * A webhook with its delivery state: a row of {@code webhook} joined with its generation's row of
 * {@code webhook_delivery}.
 *
 * @param secret as the event store keeps it (encrypted); read with the platform's {@code PersonalData}
 */
record WebhookRow(String ownerId, String name, String url, List<String> events, String secret, long generation,
                  long deliveredThrough, Long lastPosition, String lastStatus, Instant lastAt, int attempts,
                  boolean failing) {

    static final String SELECT = """
            SELECT w.owner_id, w.name, w.url, w.events, w.secret, w.generation, d.delivered_through, d.last_position,
                   d.last_status, d.last_at, d.attempts, d.failing
            FROM webhook w JOIN webhook_delivery d
              ON d.owner_id = w.owner_id AND d.name = w.name AND d.generation = w.generation""";

    static final RowMapper<WebhookRow> MAPPER = (row, n) -> new WebhookRow(row.getString("owner_id"),
            row.getString("name"), row.getString("url"), texts(row.getArray("events")), row.getString("secret"),
            row.getLong("generation"), row.getLong("delivered_through"), (Long) row.getObject("last_position"),
            row.getString("last_status"), instant(row.getTimestamp("last_at")), row.getInt("attempts"),
            row.getBoolean("failing"));

    /** Whether an event of this type is delivered: every type when the webhook names none. */
    boolean wants(String type) {
        return events.isEmpty() || events.contains(type);
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
