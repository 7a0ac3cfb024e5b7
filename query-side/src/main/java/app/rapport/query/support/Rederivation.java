package app.rapport.query.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * How a projection applies a correction or a retraction: it forgets the contact's rows and folds
 * the contact's history, amended ({@link AmendedHistory}) and read from the event store up to the
 * amendment, through its own event handlers, the code that applies live events. A relationship
 * holds tens of events, so this is one short read of one stream per amendment; the rows come out
 * as if the mistake had never been recorded, and a replay, which meets the same amendment at the
 * same place in the stream, derives the same rows.
 */
@Component
public class Rederivation {

    private final EventStore eventStore;

    Rederivation(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The contact's events from its first through {@code sequence}, as recorded, in stream order. */
    public List<DomainEventMessage<?>> recordedThrough(UUID contactId, long sequence) {
        // from sequence 0: the store would otherwise start from a snapshot, which a read model cannot fold
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(contactId.toString(), 0).asStream()
                .takeWhile(event -> event.getSequenceNumber() <= sequence)
                .forEachOrdered(events::add);
        return events;
    }

    /**
     * Hands the contact's amended history through {@code sequence} to the handlers, except the
     * amendments themselves: their effect is in the amended entries, and handing them over again
     * would start another re-derivation. The caller marks the contact as applied at
     * {@code sequence} afterwards.
     */
    public void refold(EventMessageHandler handlers, UUID contactId, long sequence) {
        for (DomainEventMessage<?> event : AmendedHistory.of(recordedThrough(contactId, sequence))) {
            if (AmendedHistory.isAmendment(event.getPayload()) || !handlers.canHandle(event)) {
                continue;
            }
            try {
                handlers.handle(event);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Re-deriving contact " + contactId + " failed at sequence "
                        + event.getSequenceNumber(), e);
            }
        }
    }
}
