package app.rapport.query.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import app.rapport.platform.openapi.ApiTags;
import app.rapport.query.support.QueryNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calendar feed a calendar app subscribes to. Its one credential is the token in the path
 * ({@link CalendarFeedSecurity}); it never takes {@code owner=}, so a token shows its owner's
 * journal and no one else's, a mentor's feed included.
 */
@Tag(name = ApiTags.CALENDAR)
@RestController
class CalendarFeedController {

    static final String PATH = "/calendar/{token}.ics";
    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final FeedOwners owners;
    private final CalendarEntries entries;
    private final Clock clock;

    CalendarFeedController(FeedOwners owners, CalendarEntries entries, Clock clock) {
        this.owners = owners;
        this.entries = entries;
        this.clock = clock;
    }

    @Operation(operationId = "findCalendarFeed", summary = "Read a calendar feed",
            description = "No sign-in but the unguessable token: an RFC 5545 calendar with an event per scheduled "
                    + "interview and per open due item, with UIDs stable across fetches. A revoked or unknown "
                    + "token is 404.")
    @ApiResponse(responseCode = "200", description = "The calendar.",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
    @Parameter(name = "token", description = "The feed's token, from PUT /api/calendar-feed.")
    @GetMapping(PATH)
    ResponseEntity<byte[]> feed(@PathVariable String token) {
        // the same answer for an unknown, a revoked and a malformed token, and never the token in it
        String ownerId = owners.ownerOf(token)
                .orElseThrow(() -> new QueryNotFoundException("No calendar feed at this address."));
        byte[] calendar = FeedCalendar.write(FeedCalendar.of(entries.findInterviews(ownerId),
                entries.findDueItems(ownerId), clock.instant()));
        return ResponseEntity.ok().contentType(TEXT_CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("rapport.ics").build().toString())
                .body(calendar);
    }
}
