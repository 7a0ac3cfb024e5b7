package app.rapport.query.followup;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface DueContactRepository extends Repository<DueContact, UUID> {

    List<DueContact> findByOwnerIdAndContactIdIn(String ownerId, Collection<UUID> contactIds);
}
