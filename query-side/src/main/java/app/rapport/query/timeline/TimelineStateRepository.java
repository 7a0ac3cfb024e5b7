package app.rapport.query.timeline;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface TimelineStateRepository extends Repository<TimelineStateRow, UUID> {

    Optional<TimelineStateRow> findByOwnerIdAndContactId(String ownerId, UUID contactId);
}
