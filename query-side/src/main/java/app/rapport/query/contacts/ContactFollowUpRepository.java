package app.rapport.query.contacts;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface ContactFollowUpRepository extends Repository<ContactFollowUp, UUID> {

    List<ContactFollowUp> findByOwnerIdAndContactIdOrderByAtAscFollowUpIdAsc(String ownerId, UUID contactId);
}
