package app.rapport.query.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * {@link Rederivation} for a fold of events already read: a correction met in the fold re-derives
 * its contact from those events (which hold the contact's whole stream as recorded by the moment,
 * so everything up to the correction) instead of reading the store again. One per connection with
 * copies, told before each fold which events it folds.
 */
final class FoldedRederivation extends Rederivation {

    private final Map<String, List<DomainEventMessage<?>>> streams = new HashMap<>();

    FoldedRederivation(EventStore eventStore) {
        super(eventStore);
    }

    /** The events of the fold about to run. */
    void over(List<? extends EventMessage<?>> events) {
        streams.clear();
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain) {
                streams.computeIfAbsent(domain.getAggregateIdentifier(), id -> new ArrayList<>()).add(domain);
            }
        }
        streams.values().forEach(stream -> stream.sort(Comparator.comparingLong(DomainEventMessage::getSequenceNumber)));
    }

    @Override
    public List<DomainEventMessage<?>> recordedThrough(UUID contactId, long sequence) {
        return streams.getOrDefault(contactId.toString(), List.of()).stream()
                .takeWhile(event -> event.getSequenceNumber() <= sequence)
                .toList();
    }
}
