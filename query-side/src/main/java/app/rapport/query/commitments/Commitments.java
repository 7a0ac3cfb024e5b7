package app.rapport.query.commitments;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.rapport.query.support.PagedResult;
import app.rapport.query.support.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ledger's queries; every one takes the owner first, so none can forget whose journal it reads. */
@Repository
class Commitments {

    private final JdbcClient jdbc;

    Commitments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the ledger knows the owner's contact: it does from the contact's first event. */
    boolean existsFor(String ownerId, UUID contactId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM commitment_contact WHERE owner_id = :ownerId AND contact_id = :contactId)""")
                .param("ownerId", ownerId).param("contactId", contactId).query(Boolean.class).single();
    }

    /** One promise made to the owner's contact. */
    Optional<CommitmentRow> findOne(String ownerId, UUID contactId, UUID commitmentId) {
        return jdbc.sql("""
                        SELECT * FROM commitment
                        WHERE owner_id = :ownerId AND contact_id = :contactId AND commitment_id = :commitmentId""")
                .param("ownerId", ownerId).param("contactId", contactId).param("commitmentId", commitmentId)
                .query(CommitmentRow.MAPPER).optional();
    }

    /** The contact's promises in the order they were made. */
    PagedResult<CommitmentRow> findOf(String ownerId, UUID contactId, int page, int size) {
        return Paging.select(jdbc, "FROM commitment WHERE owner_id = :ownerId AND contact_id = :contactId",
                "made_at, commitment_id", Map.of("ownerId", ownerId, "contactId", contactId), CommitmentRow.MAPPER,
                page, size);
    }
}
