package app.rapport.query.analytics;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface OutreachContactRepository extends Repository<OutreachContact, UUID> {

    OutreachContact save(OutreachContact contact);

    void deleteAllInBatch();

    Optional<OutreachContact> findByOwnerIdAndContactId(String ownerId, UUID contactId);
}
