package app.rapport.query.timeline;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

interface TimelineEntryRepository extends Repository<TimelineEntryRow, String> {

    TimelineEntryRow save(TimelineEntryRow row);

    void deleteAllInBatch();

    Optional<TimelineEntryRow> findByOwnerIdAndEventId(String ownerId, String eventId);

    Page<TimelineEntryRow> findByOwnerIdAndContactIdOrderByAtAscSequenceAsc(String ownerId, UUID contactId,
                                                                          Pageable page);
}
