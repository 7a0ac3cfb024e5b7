package app.rapport.query.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.rapport.platform.openapi.ApiTags;
import app.rapport.query.mentors.MenteeAccess;
import app.rapport.query.support.BadQueryParameterException;
import app.rapport.query.support.ConsistencyGate;
import app.rapport.query.support.JournalAsOf;
import app.rapport.query.support.PagedResult;
import app.rapport.query.support.Paging;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What is overdue as of a moment (now by default), and with a lookahead what is coming due. A
 * moment asked for is the journal as recorded by then, judged then ({@link JournalAsOf}).
 */
@Tag(name = ApiTags.FOLLOW_UPS)
@RestController
class OverdueController {

    /**
     * One due follow-up.
     *
     * @param interviewId the interview it is about (for a commitment, the one it was made in), if any
     * @param commitmentId the promise a {@code COMMITMENT} item is about; absent for other kinds
     * @param overdueBy how long past due at asOf, as an ISO-8601 duration; negative when not yet due
     */
    record Overdue(UUID contactId, String contactName, UUID interviewId, DueKind kind, Instant dueAt,
                   String overdueBy, @JsonInclude(JsonInclude.Include.NON_NULL) UUID commitmentId) {
    }

    private final FollowUps followUps;
    private final MenteeAccess access;
    private final ConsistencyGate consistency;
    private final Clock clock;
    private final JournalAsOf journal;

    OverdueController(FollowUps followUps, MenteeAccess access, ConsistencyGate consistency, Clock clock,
                      JournalAsOf journal) {
        this.followUps = followUps;
        this.access = access;
        this.consistency = consistency;
        this.clock = clock;
        this.journal = journal;
    }

    @Operation(operationId = "findOverdueFollowUps", summary = "List what is due and overdue",
            description = "The due items the practice owes (THANK_YOU, RESPONSE_NUDGE, PREPARE, KEEP_IN_TOUCH, "
                    + "COMMITMENT), most overdue first, judged at asOf (default now); lookahead also lists "
                    + "items coming due by asOf + lookahead, with a negative overdueBy.")
    @Parameter(name = "kind", description = "Only items of this kind.")
    @Parameter(name = "lookahead",
            description = "An ISO-8601 duration (default P0D): also list what comes due within it.")
    @GetMapping("/api/follow-ups/overdue")
    PagedResult<Overdue> overdue(@RequestParam(required = false) Instant asOf,
                                 @RequestParam(required = false) DueKind kind,
                                 @RequestParam(defaultValue = "P0D") String lookahead,
                                 @RequestParam(required = false) String owner,
                                 @RequestParam(required = false) Long consistentWith,
                                 @RequestParam(defaultValue = "0") @Min(0) int page,
                                 @RequestParam(defaultValue = Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        Duration ahead = parseLookahead(lookahead);
        consistency.awaitProcessed(consistentWith, FollowUpsProjection.GROUP);
        String ownerId = access.ownerToRead(owner);
        Instant at = asOf != null ? asOf : clock.instant();
        Function<FollowUps, PagedResult<Overdue>> overdue = found -> {
            PagedResult<DueItem> due = found.findDue(ownerId, at.plus(ahead), kind, page, size);
            Map<UUID, String> names = found.findContacts(ownerId,
                            due.items().stream().map(DueItem::contactId).collect(Collectors.toSet()))
                    .stream().collect(Collectors.toMap(DueContact::contactId, OverdueController::nameOf));
            return due.map(item -> new Overdue(item.contactId(), names.get(item.contactId()),
                    item.interviewId(), item.kind(), item.dueAt(), Duration.between(item.dueAt(), at).toString(),
                    item.commitmentId()));
        };
        return asOf == null ? overdue.apply(followUps)
                : journal.read(ownerId, asOf, consistentWith, FollowUpsAsOf.READ_MODEL, overdue);
    }

    private static String nameOf(DueContact contact) {
        return contact.name() == null ? "" : contact.name();
    }

    private static Duration parseLookahead(String lookahead) {
        try {
            Duration duration = Duration.parse(lookahead);
            if (duration.isNegative()) {
                throw new BadQueryParameterException("lookahead", "must not be negative");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new BadQueryParameterException("lookahead",
                    "'" + lookahead + "' is not an ISO-8601 duration such as P7D or PT12H");
        }
    }
}
