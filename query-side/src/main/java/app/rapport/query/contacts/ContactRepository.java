package app.rapport.query.contacts;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Contacts; every finder takes the owner first, so no query can forget whose journal it reads. */
interface ContactRepository extends Repository<Contact, UUID> {

    Optional<Contact> findByOwnerIdAndContactId(String ownerId, UUID contactId);

    /**
     * One page of the owner's contacts, optionally of one stage, optionally matching a lower-case
     * LIKE pattern (already escaped with backslash) in name or organization.
     */
    @Query("""
            select c from Contact c
            where c.ownerId = :ownerId
              and (:stage is null or c.stage = :stage)
              and (:pattern is null
                   or lower(c.name) like :pattern escape '\\'
                   or lower(coalesce(c.organization, '')) like :pattern escape '\\')
            """)
    Page<Contact> search(String ownerId, Stage stage, String pattern, Pageable page);
}
