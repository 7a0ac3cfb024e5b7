package app.rapport.query.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.platform.PracticeSettings;
import app.rapport.query.mentors.MenteeAccess;
import app.rapport.query.support.ConsistencyGate;
import app.rapport.query.support.EventSubject;
import app.rapport.query.support.PagedResult;
import app.rapport.query.support.Paging;
import app.rapport.query.support.QueryNotFoundException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A contact's timeline: from the read model, or with {@code asOf} as it stood at that moment,
 * by running {@link Timeline} over the events recorded by then, read from the event store: the
 * corrections and retractions recorded by then apply, later ones do not.
 */
@RestController
class TimelineController {

    /**
     * One line of the answer.
     *
     * @param entryId the id of the event behind the entry, which a correction or a retraction names
     */
    record Entry(String entryId, Instant at, Instant recordedAt, String type, String summary, UUID interviewId,
                 Map<String, Object> details, List<Flag> flags) {

        static Entry of(TimelineEntry entry) {
            return new Entry(entry.eventId(), entry.at(), entry.recordedAt(), entry.type(), entry.summary(),
                    entry.interviewId(), entry.details(), entry.flags());
        }
    }

    private final Timelines timelines;
    private final EventStore eventStore;
    private final MenteeAccess access;
    private final ConsistencyGate consistency;
    private final PracticeSettings practice;

    TimelineController(Timelines timelines, EventStore eventStore, MenteeAccess access,
                       ConsistencyGate consistency, PracticeSettings practice) {
        this.timelines = timelines;
        this.eventStore = eventStore;
        this.access = access;
        this.consistency = consistency;
        this.practice = practice;
    }

    @GetMapping("/api/contacts/{contactId}/timeline")
    PagedResult<Entry> timeline(@PathVariable UUID contactId,
                                @RequestParam(required = false) Instant asOf,
                                @RequestParam(required = false) String owner,
                                @RequestParam(required = false) Long consistentWith,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        String ownerId = access.ownerToRead(owner);
        if (asOf != null) {
            // the event store is always current: there is nothing to wait for
            return PagedResult.ofList(asOf(ownerId, contactId, asOf).stream().map(Entry::of).toList(), page, size);
        }
        consistency.awaitProcessed(consistentWith, TimelineProjection.GROUP);
        if (!timelines.existsFor(ownerId, contactId)) {
            throw notFound(contactId);
        }
        return timelines.findEntries(ownerId, contactId, page, size).map(Entry::of);
    }

    private List<TimelineEntry> asOf(String ownerId, UUID contactId, Instant asOf) {
        List<? extends DomainEventMessage<?>> stream = eventStore.readEvents(contactId.toString(), 0).asStream().toList();
        boolean owned = !stream.isEmpty() && EventSubject.of(stream.get(0).getPayload())
                .map(subject -> ownerId.equals(subject.ownerId()) && contactId.equals(subject.contactId()))
                .orElse(false);
        if (!owned) {
            throw notFound(contactId);
        }
        // recorded by then: a later event logged with an earlier "at" was not yet in the journal
        return Timeline.entriesFor(stream.stream().filter(event -> !event.getTimestamp().isAfter(asOf)).toList(),
                practice);
    }

    private static QueryNotFoundException notFound(UUID contactId) {
        return new QueryNotFoundException("No contact " + contactId + ".");
    }
}
