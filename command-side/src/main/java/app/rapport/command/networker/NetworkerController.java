package app.rapport.command.networker;

import app.rapport.command.dispatch.Acting;
import app.rapport.command.dispatch.Answers;
import app.rapport.command.dispatch.CommandAnswer;
import app.rapport.command.dispatch.CommandDispatcher;
import app.rapport.command.dispatch.IfMatch;
import app.rapport.command.dispatch.StreamState;
import app.rapport.commands.networker.CreateCalendarFeed;
import app.rapport.commands.networker.GrantMentorAccess;
import app.rapport.commands.networker.RevokeCalendarFeed;
import app.rapport.commands.networker.RevokeMentorAccess;
import app.rapport.commands.networker.SetProfile;
import app.rapport.platform.openapi.ApiTags;
import app.rapport.values.CalendarFeedToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import java.security.SecureRandom;

/** The acting user's own profile, whom they let read their journal as a mentor, and their calendar feed. */
@RestController
@Validated
class NetworkerController {

    static final String USERNAME = "[A-Za-z0-9._@-]{1,100}";
    /** The query side's path for a feed, where a calendar app fetches it without signing in. */
    static final String FEED_PATH = "/calendar/{token}.ics";

    private final CommandDispatcher commands;
    private final Acting acting;
    private final CalendarFeedSettings feed;
    private final SecureRandom random = new SecureRandom();

    NetworkerController(CommandDispatcher commands, Acting acting, CalendarFeedSettings feed) {
        this.commands = commands;
        this.acting = acting;
        this.feed = feed;
    }

    @Operation(operationId = "setProfile", summary = "Set your profile",
            description = "Who you are, your school, program and interests: what drafts of messages are written "
                    + "from. A display name is required.",
            tags = ApiTags.PROFILE)
    @ApiResponse(responseCode = "200", description = "The profile was set.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandAnswer.class)))
    @PutMapping("/api/profile")
    ResponseEntity<CommandAnswer> setProfile(@RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                             @Valid @RequestBody ProfileRequest request) {
        String me = acting.owner();
        return answer(me, ifMatch, new SetProfile(me, request.displayName(), request.school(), request.program(),
                request.interests(), acting.atOrNow(null)));
    }

    @Operation(operationId = "grantMentorAccess", summary = "Grant a mentor read access",
            description = "The mentor may then read your journal with owner=<your username>, never change it, until "
                    + "you revoke the grant.",
            tags = ApiTags.MENTORING)
    @ApiResponse(responseCode = "200", description = "The grant stands.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandAnswer.class)))
    @PutMapping("/api/mentors/{username}")
    ResponseEntity<CommandAnswer> grant(@PathVariable @Pattern(regexp = USERNAME) String username) {
        String me = acting.owner();
        return answer(me, null, new GrantMentorAccess(me, username, acting.atOrNow(null)));
    }

    @Operation(operationId = "revokeMentorAccess", summary = "Revoke a mentor's access",
            description = "From then on the mentor's reads of your journal are 404.",
            tags = ApiTags.MENTORING)
    @ApiResponse(responseCode = "200", description = "The grant is revoked.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandAnswer.class)))
    @DeleteMapping("/api/mentors/{username}")
    ResponseEntity<CommandAnswer> revoke(@PathVariable @Pattern(regexp = USERNAME) String username) {
        String me = acting.owner();
        return answer(me, null, new RevokeMentorAccess(me, username, acting.atOrNow(null)));
    }

    /**
     * A new feed URL each time, the old one closed: the token is made here, shown once in the
     * answer, and only its hash goes into the command, so nothing recorded can rebuild the URL.
     */
    @Operation(operationId = "createCalendarFeed", summary = "Create or replace your calendar feed",
            description = "Answers the feed's unguessable URL; a feed created earlier stops answering (404) once "
                    + "replaced.",
            tags = ApiTags.CALENDAR)
    @ApiResponse(responseCode = "200", description = "The feed's URL.",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = CalendarFeedAnswer.class)))
    @PutMapping("/api/calendar-feed")
    ResponseEntity<CalendarFeedAnswer> createCalendarFeed() {
        String me = acting.owner();
        String token = CalendarFeedToken.generate(random);
        StreamState state = commands.send(new CreateCalendarFeed(me, CalendarFeedToken.hashOf(token),
                acting.atOrNow(null)), null);
        return ResponseEntity.ok().eTag(IfMatch.etag(state.version()))
                .body(new CalendarFeedAnswer(feedUrl(token), me, state.version(), state.position()));
    }

    @Operation(operationId = "revokeCalendarFeed", summary = "Revoke your calendar feed",
            description = "The feed's URL answers 404 from now on.",
            tags = ApiTags.CALENDAR)
    @ApiResponse(responseCode = "200", description = "The feed is revoked.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandAnswer.class)))
    @DeleteMapping("/api/calendar-feed")
    ResponseEntity<CommandAnswer> revokeCalendarFeed() {
        String me = acting.owner();
        return answer(me, null, new RevokeCalendarFeed(me, acting.atOrNow(null)));
    }

    private String feedUrl(String token) {
        UriComponentsBuilder base = feed.baseUrl().isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath()
                : UriComponentsBuilder.fromUriString(feed.baseUrl());
        return base.path(FEED_PATH).buildAndExpand(token).toUriString();
    }

    private ResponseEntity<CommandAnswer> answer(String me, String ifMatch, Object command) {
        StreamState state = commands.send(command, IfMatch.version(ifMatch));
        return Answers.ok(CommandAnswer.forNetworker(me, state));
    }
}
