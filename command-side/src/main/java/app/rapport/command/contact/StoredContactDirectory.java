package app.rapport.command.contact;

import java.util.UUID;

import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.ContactErased;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The journal a contact belongs to, read from the first event of its stream: a contact's owner is
 * fixed when it is added and its events are never deleted, so this cannot change under a command.
 * An erased contact is in no journal any more; its stream says so with {@code ContactErased}, found
 * by type without reading the payloads (a contact has tens of events).
 */
@Component
class StoredContactDirectory implements ContactDirectory {

    private final EventStore eventStore;

    StoredContactDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean holds(String ownerId, UUID contactId) {
        // from sequence 0, not a snapshot: the first event names the owner
        DomainEventStream stream = eventStore.readEvents(contactId.toString(), 0);
        if (!stream.hasNext()) {
            return false;
        }
        DomainEventMessage<?> first = stream.next();
        if (!(first.getPayload() instanceof ContactAdded added && added.ownerId().equals(ownerId))) {
            return false;
        }
        while (stream.hasNext()) {
            if (stream.next().getPayloadType() == ContactErased.class) {
                return false;
            }
        }
        return true;
    }
}
