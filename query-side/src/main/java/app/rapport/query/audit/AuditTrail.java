package app.rapport.query.audit;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import app.rapport.query.support.PagedResult;
import app.rapport.query.support.Paging;
import app.rapport.query.support.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit trail's query. */
@Repository
class AuditTrail {

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The owner's events recorded in [from, to), of one contact unless it is null, in the order recorded. */
    PagedResult<AuditEntry> findRecorded(String ownerId, Instant from, Instant to, UUID contactId, int page, int size) {
        return findRecorded(ownerId, from, to, contactId, null, page, size);
    }

    /**
     * As above, and of the contacts one import brought in unless {@code importId} is null: every
     * event of each contact whose first event names that import as its provenance.
     */
    PagedResult<AuditEntry> findRecorded(String ownerId, Instant from, Instant to, UUID contactId, UUID importId,
                                         int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("ownerId", ownerId);
        params.put("from", Sql.timestamp(from));
        params.put("to", Sql.timestamp(to));
        String where = "FROM audit_entry WHERE owner_id = :ownerId AND recorded_at >= :from AND recorded_at < :to";
        if (contactId != null) {
            params.put("contactId", contactId);
            where += " AND contact_id = :contactId";
        }
        if (importId != null) {
            params.put("importId", importId.toString());
            where += " AND contact_id IN (SELECT contact_id FROM audit_entry WHERE owner_id = :ownerId"
                    + " AND type = 'ContactAdded' AND payload -> 'provenance' ->> 'importId' = :importId)";
        }
        return Paging.select(jdbc, where, "position", params, AuditEntry.MAPPER, page, size);
    }
}
