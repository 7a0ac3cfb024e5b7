package app.rapport.query.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.rapport.events.Corrections;
import app.rapport.events.contact.EntryCorrected;
import app.rapport.events.contact.EntryRetracted;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/**
 * A contact's history as it reads now: every entry named by a later {@link EntryCorrected} carries
 * its corrected values (the same event id, sequence number and recording time), every entry named
 * by an {@link EntryRetracted} is left out, and the corrections and retractions themselves stay in
 * their places. Folding this list through a projection's ordinary handlers gives the rows the
 * contact would have had if the mistakes had never been recorded, so a correction needs no
 * handler of its own in each view. Events are taken in the order given (the contact's stream),
 * and only amendments among them count: the history as recorded by a moment reads as it stood then.
 * <p>
 * The timeline keeps every entry, retracted ones too, and shows what amended each: {@link #read}
 * answers those questions per entry.
 */
public final class AmendedHistory {

    private final List<DomainEventMessage<?>> recorded;
    private final Map<String, Object> corrected = new HashMap<>();
    private final Map<String, List<DomainEventMessage<?>>> corrections = new HashMap<>();
    private final Map<String, DomainEventMessage<?>> retractions = new HashMap<>();

    private AmendedHistory(List<? extends DomainEventMessage<?>> events) {
        this.recorded = List.copyOf(events);
        Map<String, Object> payloads = new HashMap<>();
        for (DomainEventMessage<?> event : events) {
            payloads.put(event.getIdentifier(), event.getPayload());
            if (event.getPayload() instanceof EntryCorrected correction) {
                Object current = corrected.getOrDefault(correction.entryId(), payloads.get(correction.entryId()));
                if (current != null && !isAmendment(current)) {
                    // a correction the aggregate accepted always applies; one that does not is ignored, not fatal
                    Corrections.applied(current, correction.changes()).ifPresent(amended -> {
                        corrected.put(correction.entryId(), amended);
                        corrections.computeIfAbsent(correction.entryId(), id -> new ArrayList<>()).add(event);
                    });
                }
            } else if (event.getPayload() instanceof EntryRetracted retraction
                    && payloads.containsKey(retraction.entryId())) {
                retractions.putIfAbsent(retraction.entryId(), event);
            }
        }
    }

    /** The events as they now read: corrected values in place, retracted entries left out. */
    public static List<DomainEventMessage<?>> of(List<? extends DomainEventMessage<?>> events) {
        return read(events).amended();
    }

    /** The amendments among these events, to ask about each entry. */
    public static AmendedHistory read(List<? extends DomainEventMessage<?>> events) {
        return new AmendedHistory(events);
    }

    /** Whether the payload amends another entry rather than telling what happened. */
    public static boolean isAmendment(Object payload) {
        return payload instanceof EntryCorrected || payload instanceof EntryRetracted;
    }

    public List<DomainEventMessage<?>> amended() {
        List<DomainEventMessage<?>> amended = new ArrayList<>(recorded.size());
        for (DomainEventMessage<?> event : recorded) {
            if (!isRetracted(event.getIdentifier())) {
                amended.add(asItReads(event));
            }
        }
        return amended;
    }

    /** The event with its corrected values, or as recorded when nothing corrected it. */
    public DomainEventMessage<?> asItReads(DomainEventMessage<?> event) {
        Object payload = corrected.get(event.getIdentifier());
        return payload == null ? event : withPayload(event, payload);
    }

    /** The corrections that apply to the entry, oldest first; empty when it reads as recorded. */
    public List<DomainEventMessage<?>> correctionsOf(String entryId) {
        return corrections.getOrDefault(entryId, List.of());
    }

    /** The retraction of the entry, if it was retracted. */
    public Optional<DomainEventMessage<?>> retractionOf(String entryId) {
        return Optional.ofNullable(retractions.get(entryId));
    }

    public boolean isRetracted(String entryId) {
        return retractions.containsKey(entryId);
    }

    private static DomainEventMessage<?> withPayload(DomainEventMessage<?> event, Object payload) {
        return new GenericDomainEventMessage<>(event.getType(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), payload, event.getMetaData(), event.getIdentifier(), event.getTimestamp());
    }
}
