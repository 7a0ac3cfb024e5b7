package app.rapport.query.analytics;

import java.util.UUID;

import org.springframework.data.repository.Repository;

interface OutreachContactRepository extends Repository<OutreachContact, UUID> {

}
