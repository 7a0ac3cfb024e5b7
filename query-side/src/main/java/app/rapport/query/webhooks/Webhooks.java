package app.rapport.query.webhooks;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** The webhooks' queries. */
@Repository
class Webhooks {

    private final JdbcTemplate jdbc;

    Webhooks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The owner's webhooks by name. */
    List<WebhookRow> findOf(String ownerId) {
        return jdbc.query(WebhookRow.SELECT + " WHERE w.owner_id = ? ORDER BY w.name", WebhookRow.MAPPER, ownerId);
    }

    /** One webhook of the owner, at the generation a delivery loop claimed; empty once removed or replaced. */
    Optional<WebhookRow> findOne(String ownerId, String name, long generation) {
        return jdbc.query(WebhookRow.SELECT + " WHERE w.owner_id = ? AND w.name = ? AND w.generation = ?",
                WebhookRow.MAPPER, ownerId, name, generation).stream().findFirst();
    }
}
