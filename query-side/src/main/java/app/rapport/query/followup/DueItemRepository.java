package app.rapport.query.followup;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface DueItemRepository extends Repository<DueItem, String> {

    List<DueItem> findByOwnerIdAndContactId(String ownerId, UUID contactId);

    /** Open items due by {@code horizon}, optionally of one kind, the longest overdue first. */
    @Query("""
            select i from DueItem i
            where i.ownerId = :ownerId and i.open = true and i.dueAt <= :horizon
              and (:kind is null or i.kind = :kind)
            order by i.dueAt asc, i.itemId asc
            """)
    Page<DueItem> findDue(String ownerId, Instant horizon, DueKind kind, Pageable page);
}
