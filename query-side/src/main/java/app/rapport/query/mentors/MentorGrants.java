package app.rapport.query.mentors;

import java.util.Map;

import app.rapport.query.support.PagedResult;
import app.rapport.query.support.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The grant queries. The owner of a grant is the networker who gave it; the mentee list reads
 * from the mentor's side, whose journal it is (the caller is the owner of that question).
 */
@Repository
class MentorGrants {

    private final JdbcClient jdbc;

    MentorGrants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The grants a mentor holds, by mentee: here the owner of the question is the mentor. */
    PagedResult<MentorGrant> findActive(String ownerId, int page, int size) {
        return Paging.select(jdbc, "FROM mentor_grant WHERE mentor = :mentor AND active", "networker_id",
                Map.of("mentor", ownerId), MentorGrant.MAPPER, page, size);
    }
}
