package app.rapport.query.timeline;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

interface TimelineEntryRepository extends Repository<TimelineEntryRow, String> {

    Page<TimelineEntryRow> findByOwnerIdAndContactIdOrderByAtAscSequenceAsc(String ownerId, UUID contactId,
                                                                          Pageable page);
}
