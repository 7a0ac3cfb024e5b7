package app.rapport.query.exports;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The contacts an export writes, read from the contacts read model's table (read only) one page at a time. */
@Repository
class ExportedContacts {

    private final JdbcClient jdbc;

    ExportedContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The owner's contacts after {@code after} in the contact list's order (by name, then id), at
     * most {@code limit} of them; from the first for a null {@code after}. Paging on the key rather
     * than by offset reads each row once however long the list.
     */
    List<ContactRow> findPage(String ownerId, ContactRow after, int limit) {
        String sql = """
                SELECT contact_id, lower(name) AS sort_name, stage, last_touch_at FROM contact
                WHERE owner_id = :ownerId %s
                ORDER BY lower(name), contact_id LIMIT :limit""".formatted(after == null ? ""
                : "AND (lower(name), contact_id) > (:afterName, :afterId)");
        var statement = jdbc.sql(sql).param("ownerId", ownerId).param("limit", limit);
        if (after != null) {
            statement = statement.param("afterName", after.sortName()).param("afterId", after.contactId());
        }
        return statement.query(ContactRow.ROWS).list();
    }
}
