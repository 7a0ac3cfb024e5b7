package app.rapport.query.exports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.ContactDetailsChanged;
import app.rapport.events.contact.ContactErased;
import app.rapport.query.support.AmendedHistory;
import app.rapport.values.ContactDetails;
import app.rapport.values.ContactSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Who a contact is, read from their stream in the event store as it reads with its corrections.
 * The contacts read model has no column for every field of the template (the profile URL), and
 * taking all of them from one place keeps a row whole: what the journal says, not a mix of a
 * projection's copy and the store. A stream holds tens of events.
 */
@Component
class ContactHistories {

    private final EventStore eventStore;

    ContactHistories(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The contact as an export writes it; empty when the stream is not this owner's contact. */
    Optional<ExportedContact> read(String ownerId, ContactRow row) {
        UUID contactId = row.contactId();
        // from sequence 0: the store would otherwise start from a snapshot, which this fold cannot read
        List<? extends DomainEventMessage<?>> stream = eventStore.readEvents(contactId.toString(), 0).asStream()
                .toList();
        ContactDetails details = null;
        ContactSource source = null;
        Instant at = null;
        for (DomainEventMessage<?> event : AmendedHistory.of(stream)) {
            if (event.getPayload() instanceof ContactAdded added) {
                if (!ownerId.equals(added.ownerId()) || !contactId.equals(added.contactId())) {
                    return Optional.empty();
                }
                details = added.details();
                source = added.source();
                at = added.at();
            } else if (event.getPayload() instanceof ContactDetailsChanged changed && details != null) {
                details = changed.details();
            } else if (event.getPayload() instanceof ContactErased) {
                return Optional.empty();  // forgotten since the contact list was read
            }
        }
        if (details == null) {
            return Optional.empty();
        }
        return Optional.of(new ExportedContact(contactId, details, source, at, row.stage(), row.lastTouchAt()));
    }
}
