package app.rapport.query.followup;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.query.support.PagedResult;
import app.rapport.query.support.Paging;
import app.rapport.query.support.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The follow-up queries; every one takes the owner first, so none can forget whose journal it reads. */
@Repository
class FollowUps {

    private final JdbcClient jdbc;

    FollowUps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Open items due by {@code horizon}, of one kind unless it is null, the longest overdue first. */
    PagedResult<DueItem> findDue(String ownerId, Instant horizon, DueKind kind, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("ownerId", ownerId);
        params.put("horizon", Sql.timestamp(horizon));
        String where = "FROM due_item WHERE owner_id = :ownerId AND open AND due_at <= :horizon";
        if (kind != null) {
            params.put("kind", kind.name());
            where += " AND kind = :kind";
        }
        return Paging.select(jdbc, where, "due_at, item_id", params, DueItem.MAPPER, page, size);
    }

    List<DueContact> findContacts(String ownerId, Collection<UUID> contactIds) {
        if (contactIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM due_contact WHERE owner_id = :ownerId AND contact_id IN (:contactIds)")
                .param("ownerId", ownerId).param("contactIds", contactIds).query(DueContact.MAPPER).list();
    }
}
