package app.rapport.query.contacts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.rapport.query.support.PagedResult;
import app.rapport.query.support.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The contact queries; every one takes the owner first, so none can forget whose journal it reads. */
@Repository
class Contacts {

    private final JdbcClient jdbc;

    Contacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Contact> findContact(String ownerId, UUID contactId) {
        return jdbc.sql("SELECT * FROM contact WHERE owner_id = :ownerId AND contact_id = :contactId")
                .param("ownerId", ownerId).param("contactId", contactId).query(Contact.MAPPER).optional();
    }

    /**
     * One page of the owner's contacts by name, of one stage unless it is null, matching a
     * lower-case LIKE pattern (already escaped with backslash) in name or organization unless it is null.
     */
    PagedResult<Contact> search(String ownerId, Stage stage, String pattern, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("ownerId", ownerId);
        String where = "FROM contact WHERE owner_id = :ownerId";
        if (stage != null) {
            params.put("stage", stage.name());
            where += " AND stage = :stage";
        }
        if (pattern != null) {
            params.put("pattern", pattern);
            where += " AND (lower(name) LIKE :pattern ESCAPE '\\'"
                    + " OR lower(coalesce(organization, '')) LIKE :pattern ESCAPE '\\')";
        }
        return Paging.select(jdbc, where, "lower(name), contact_id", params, Contact.MAPPER, page, size);
    }

    /** The contact's interviews in the order they were requested. */
    List<ContactInterview> findInterviews(String ownerId, UUID contactId) {
        return jdbc.sql("""
                        SELECT * FROM contact_interview WHERE owner_id = :ownerId AND contact_id = :contactId
                        ORDER BY requested_at, interview_id""")
                .param("ownerId", ownerId).param("contactId", contactId).query(ContactInterview.MAPPER).list();
    }

    /** The contact's follow-ups in the order they happened. */
    List<ContactFollowUp> findFollowUps(String ownerId, UUID contactId) {
        return jdbc.sql("""
                        SELECT * FROM contact_follow_up WHERE owner_id = :ownerId AND contact_id = :contactId
                        ORDER BY at, follow_up_id""")
                .param("ownerId", ownerId).param("contactId", contactId).query(ContactFollowUp.MAPPER).list();
    }
}
