package app.rapport.query.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * handler of its own in each view. Events are taken in the order given (the contact's stream).
 */
public final class AmendedHistory {

    private AmendedHistory() {
    }

    public static List<DomainEventMessage<?>> of(List<? extends DomainEventMessage<?>> events) {
        Map<String, Object> corrected = new HashMap<>();
        Set<String> retracted = new HashSet<>();
        Map<String, Object> payloads = new HashMap<>();
        for (DomainEventMessage<?> event : events) {
            payloads.put(event.getIdentifier(), event.getPayload());
            if (event.getPayload() instanceof EntryCorrected correction) {
                Object current = corrected.getOrDefault(correction.entryId(), payloads.get(correction.entryId()));
                if (current != null) {
                    // a correction the aggregate accepted always applies; one that does not is ignored, not fatal
                    Corrections.applied(current, correction.changes())
                            .ifPresent(amended -> corrected.put(correction.entryId(), amended));
                }
            } else if (event.getPayload() instanceof EntryRetracted retraction) {
                retracted.add(retraction.entryId());
            }
        }
        List<DomainEventMessage<?>> amended = new ArrayList<>(events.size());
        for (DomainEventMessage<?> event : events) {
            if (retracted.contains(event.getIdentifier())) {
                continue;
            }
            Object payload = corrected.get(event.getIdentifier());
            amended.add(payload == null ? event : withPayload(event, payload));
        }
        return amended;
    }

    private static DomainEventMessage<?> withPayload(DomainEventMessage<?> event, Object payload) {
        return new GenericDomainEventMessage<>(event.getType(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), payload, event.getMetaData(), event.getIdentifier(), event.getTimestamp());
    }
}
