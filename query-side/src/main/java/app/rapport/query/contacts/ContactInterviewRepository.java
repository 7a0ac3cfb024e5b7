package app.rapport.query.contacts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface ContactInterviewRepository extends Repository<ContactInterview, UUID> {

    ContactInterview save(ContactInterview interview);

    void deleteAllInBatch();

    Optional<ContactInterview> findByOwnerIdAndInterviewId(String ownerId, UUID interviewId);

    List<ContactInterview> findByOwnerIdAndContactIdOrderByRequestedAtAscInterviewIdAsc(String ownerId, UUID contactId);
}
