package app.rapport.query.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import app.rapport.events.ContactEvent;
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

    /**
     * Applies an amendment (a correction or a retraction) at {@code sequence}: unless the
     * contact's row has it already, the contact's rows are forgotten and its amended history
     * folded again through {@code handlers}, and the row is marked as applied at {@code sequence}.
     */
    public <C extends RederivedContacts.ContactRow<C>> void rederive(RederivedContacts<C> batch,
                                                                      EventMessageHandler handlers,
                                                                      ContactEvent amendment, long sequence) {
        rederive(batch, handlers, amendment, sequence, contactId -> true);
    }

    /**
     * As {@link #rederive(RederivedContacts, EventMessageHandler, ContactEvent, long)}, folding again
     * only when {@code hasRowsToDerive} says the contact has rows an amendment can change.
     */
    public <C extends RederivedContacts.ContactRow<C>> void rederive(RederivedContacts<C> batch,
                                                                      EventMessageHandler handlers,
                                                                      ContactEvent amendment, long sequence,
                                                                      Predicate<UUID> hasRowsToDerive) {
        EventSubject subject = new EventSubject(amendment.ownerId(), amendment.contactId());
        batch.contact(subject.ownerId(), subject.contactId())
                .filter(contact -> !contact.alreadyApplied(sequence))
                .ifPresent(stale -> {
                    if (hasRowsToDerive.test(subject.contactId())) {
                        batch.forget(subject);
                        refold(handlers, subject.contactId(), sequence);
                    }
                    batch.contact(subject.ownerId(), subject.contactId())
                            .ifPresent(contact -> batch.changed(contact.applied(sequence)));
                });
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
