package app.rapport.query.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import app.rapport.platform.openapi.ApiTags;
import app.rapport.query.mentors.MenteeAccess;
import app.rapport.query.support.ConsistencyGate;
import app.rapport.query.support.JournalAsOf;
import app.rapport.query.support.PagedResult;
import app.rapport.query.support.Paging;
import app.rapport.query.support.QueryNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A contact's timeline: from the read model, or with {@code asOf} as it stood at that moment, by
 * folding the contact's events recorded by then through the timeline's own projection and query
 * ({@link JournalAsOf}): the corrections and retractions recorded by then apply, later ones do not.
 */
@Tag(name = ApiTags.CONTACTS)
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
    private final MenteeAccess access;
    private final ConsistencyGate consistency;
    private final JournalAsOf journal;

    TimelineController(Timelines timelines, MenteeAccess access, ConsistencyGate consistency, JournalAsOf journal) {
        this.timelines = timelines;
        this.access = access;
        this.consistency = consistency;
        this.journal = journal;
    }

    @Operation(operationId = "findTimeline", summary = "Read a contact's timeline",
            description = "The relationship's entries ordered by when they happened, each with when it was "
                    + "recorded, a summary and the flags the practice raises (OVERRAN, LATE_THANK_YOU, "
                    + "EARLY_JOB_INQUIRY…); corrections shown as corrected. With asOf, only what was recorded "
                    + "by then.")
    @GetMapping("/api/contacts/{contactId}/timeline")
    PagedResult<Entry> timeline(@PathVariable UUID contactId,
                                @RequestParam(required = false) Instant asOf,
                                @RequestParam(required = false) String owner,
                                @RequestParam(required = false) Long consistentWith,
                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        String ownerId = access.ownerToRead(owner);
        Function<Timelines, PagedResult<Entry>> entries = found -> {
            if (!found.existsFor(ownerId, contactId)) {
                throw notFound(contactId);
            }
            return found.findEntries(ownerId, contactId, page, size).map(Entry::of);
        };
        if (asOf != null) {
            // the event store is always current: there is nothing to wait for
            return journal.readContact(ownerId, contactId, asOf, TimelineAsOf.READ_MODEL, entries);
        }
        consistency.awaitProcessed(consistentWith, TimelineProjection.GROUP);
        return entries.apply(timelines);
    }

    private static QueryNotFoundException notFound(UUID contactId) {
        return new QueryNotFoundException("No contact " + contactId + ".");
    }
}
