package app.rapport.query.audit;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface AuditEntryRepository extends Repository<AuditEntry, String> {

    /** The owner's events recorded in [from, to), optionally of one contact, in the order recorded. */
    @Query("""
            select a from AuditEntry a
            where a.ownerId = :ownerId and a.recordedAt >= :from and a.recordedAt < :to
              and (:contactId is null or a.contactId = :contactId)
            order by a.position asc
            """)
    Page<AuditEntry> findRecorded(String ownerId, Instant from, Instant to, UUID contactId, Pageable page);
}
