package app.rapport.query.mentors;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/**
 * Grants. The owner of a grant is the networker who gave it; the mentee list reads from the
 * mentor's side, whose journal it is (the caller is the owner of that question).
 */
interface MentorGrantRepository extends Repository<MentorGrant, MentorGrant.Key> {

    MentorGrant save(MentorGrant grant);

    void deleteAllInBatch();

    Optional<MentorGrant> findByNetworkerIdAndMentor(String ownerId, String mentor);

    /** The grants a mentor holds: here the owner of the question is the mentor. */
    Page<MentorGrant> findByMentorAndActiveTrueOrderByNetworkerId(String ownerId, Pageable page);
}
