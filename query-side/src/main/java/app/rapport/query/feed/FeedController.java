package app.rapport.query.feed;

import app.rapport.platform.openapi.ApiTags;
import app.rapport.query.mentors.MenteeAccess;
import app.rapport.query.support.BadQueryParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import java.time.Duration;

/**
 * The journal as a feed of events for tools that follow it: {@code after} a position, oldest
 * first, as many as {@code limit}; with {@code wait}, a request that finds nothing is held until
 * an event arrives or the wait is over (a long poll, answered with no events then). A consumer
 * that stores {@code next} and asks from it again never misses an event and sees none twice,
 * across restarts of either side. A mentor reads a mentee's feed with {@code owner=} while the
 * grant stands, as every other query.
 */
@RestController
@Validated
@Tag(name = ApiTags.EVENTS)
@EnableConfigurationProperties(FeedSettings.class)
class FeedController {

    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);
    /** How long the container may hold a long poll past its own wait before it answers it itself. */
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final EventFeed feed;
    private final FeedWaiters waiters;
    private final MenteeAccess access;

    FeedController(EventFeed feed, FeedWaiters waiters, MenteeAccess access) {
        this.feed = feed;
        this.waiters = waiters;
        this.access = access;
    }

    @Operation(operationId = "findEvents", summary = "Read the journal's events after a position",
            description = "The caller's events (or a mentee's, with owner=, while the grant stands) recorded after "
                    + "`after`, oldest first, at most `limit`, as CloudEvents with their `position`; `next` is where "
                    + "to ask from next time, and may pass the last item. Asking from `next` again never misses an "
                    + "event and never repeats one. With `wait`, a request that finds nothing is held until an event "
                    + "arrives or the wait is over (then `items` is empty). Personal fields of erased contacts read "
                    + "`(erased)`.")
    @GetMapping("/api/events")
    DeferredResult<FeedPage> events(@Parameter(description = "the position to read after: 0, or the `next` of the "
                                            + "previous answer") @RequestParam(defaultValue = "0") @Min(0) long after,
                                    @Parameter(description = "the most events to answer, 1–1000")
                                    @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                                    @Parameter(description = "how long to hold a request that finds nothing, an "
                                            + "ISO-8601 duration up to PT30S")
                                    @RequestParam(required = false) Duration wait,
                                    @RequestParam(required = false) String owner) {
        if (wait != null && (wait.isNegative() || wait.compareTo(LONGEST_WAIT) > 0)) {
            throw new BadQueryParameterException("wait", "must be an ISO-8601 duration from PT0S to PT30S");
        }
        String ownerId = access.ownerToRead(owner);
        long head = feed.head();
        FeedPage page = feed.read(ownerId, after, limit, type -> true);
        Duration held = wait == null ? Duration.ZERO : wait;
        DeferredResult<FeedPage> answer = new DeferredResult<>(held.plus(GRACE).toMillis());
        // nothing yet, and nothing left unread before the head: worth waiting for
        if (page.items().isEmpty() && !held.isZero() && page.next() >= head && waiters.hasRoom()) {
            answer.onTimeout(() -> answer.setResult(new FeedPage(java.util.List.of(), page.next())));
            waiters.await(ownerId, after, limit, held, head, answer);
        } else {
            answer.setResult(page);
        }
        return answer;
    }
}
