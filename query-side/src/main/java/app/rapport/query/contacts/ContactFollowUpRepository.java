package app.rapport.query.contacts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface ContactFollowUpRepository extends Repository<ContactFollowUp, UUID> {

    ContactFollowUp save(ContactFollowUp followUp);

    void deleteAllInBatch();

    Optional<ContactFollowUp> findByOwnerIdAndFollowUpId(String ownerId, UUID followUpId);

    List<ContactFollowUp> findByOwnerIdAndContactIdOrderByAtAscFollowUpIdAsc(String ownerId, UUID contactId);
}
