package app.rapport.query.timeline;

import app.rapport.query.support.EventSubject;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Stores each contact's timeline by folding every contact event into the contact's stored
 * {@link TimelineState} with {@link Timeline#next}. An event at or below the last folded sequence
 * number is a repeat and changes nothing; entries are keyed by event identifier.
 */
@Component
@ProcessingGroup(TimelineProjection.GROUP)
class TimelineProjection {

    static final String GROUP = "timeline";

    private final TimelineStateRepository states;
    private final TimelineEntryRepository entries;

    TimelineProjection(TimelineStateRepository states, TimelineEntryRepository entries) {
        this.states = states;
        this.entries = entries;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, @SequenceNumber long sequence) {
        EventSubject.of(payload).filter(EventSubject::aboutContact).ifPresent(subject -> {
            TimelineStateRow row = states.findByOwnerIdAndContactId(subject.ownerId(), subject.contactId())
                    .orElseGet(() -> new TimelineStateRow(subject.contactId(), subject.ownerId()));
            if (row.alreadyApplied(sequence)) {
                return;
            }
            Timeline.Step step = Timeline.next(row.state(), Timeline.Recorded.of(message, sequence));
            step.entry().ifPresent(entry -> entries.save(
                    entries.findByOwnerIdAndEventId(entry.ownerId(), entry.eventId())
                            .orElseGet(() -> new TimelineEntryRow(entry.eventId()))
                            .write(entry)));
            row.advance(step.state(), sequence);
            states.save(row);
        });
    }

    @ResetHandler
    void reset() {
        entries.deleteAllInBatch();
        states.deleteAllInBatch();
    }
}
