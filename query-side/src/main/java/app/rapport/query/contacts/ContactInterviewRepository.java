package app.rapport.query.contacts;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface ContactInterviewRepository extends Repository<ContactInterview, UUID> {

    List<ContactInterview> findByOwnerIdAndContactIdOrderByRequestedAtAscInterviewIdAsc(String ownerId, UUID contactId);
}
