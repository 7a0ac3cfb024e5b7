package app.rapport.command.contact;

import java.net.URI;
import java.util.UUID;

import app.rapport.command.dispatch.Acting;
import app.rapport.command.dispatch.Answers;
import app.rapport.command.dispatch.CommandAnswer;
import app.rapport.command.dispatch.CommandDispatcher;
import app.rapport.command.dispatch.IfMatch;
import app.rapport.command.dispatch.StreamState;
import app.rapport.commands.interview.CancelInterview;
import app.rapport.commands.interview.HoldInterview;
import app.rapport.commands.interview.PrepareInterview;
import app.rapport.commands.interview.RecordResponse;
import app.rapport.commands.interview.RequestInterview;
import app.rapport.commands.interview.ScheduleInterview;
import app.rapport.commands.interview.SendNudge;
import app.rapport.commands.interview.SendThankYou;
import app.rapport.platform.openapi.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An interview's lifecycle: requested, nudged, answered, scheduled, prepared, held, thanked for, or cancelled. */
@Tag(name = ApiTags.INTERVIEWS)
@RestController
@RequestMapping("/api/contacts/{contactId}/interviews")
class InterviewController {

    private final CommandDispatcher commands;
    private final Acting acting;

    InterviewController(CommandDispatcher commands, Acting acting) {
        this.commands = commands;
        this.acting = acting;
    }

    @Operation(operationId = "requestInterview", summary = "Request an interview",
            description = "A request says the time box and the career facet to learn about: a channel, a duration "
                    + "of 10–90 minutes and a purpose are required. The interviewId may be chosen by the client "
                    + "for a safe retry.")
    @ApiResponse(responseCode = "201",
            description = "The interview was requested; Location answers it (GET "
                    + "/api/contacts/{contactId}/interviews/{interviewId}).",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandAnswer.class)))
    @PostMapping
    ResponseEntity<CommandAnswer> request(@PathVariable UUID contactId,
                                          @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                          @Valid @RequestBody RequestInterviewRequest request) {
        UUID interviewId = request.interviewId() != null ? request.interviewId() : UUID.randomUUID();
        StreamState state = send(ifMatch, new RequestInterview(contactId, acting.owner(), interviewId,
                request.channel(), request.durationMinutes(), request.purpose(), request.message(),
                acting.atOrNow(request.at())));
        return Answers.created(URI.create("/api/contacts/" + contactId + "/interviews/" + interviewId),
                CommandAnswer.forInterview(contactId, interviewId, state));
    }

    @Operation(operationId = "recordResponse", summary = "Record the contact's answer to a request",
            description = "ACCEPTED, DECLINED or NO_RESPONSE; a NO_RESPONSE request may still be answered later. An "
                    + "answer dated before the request is 409 before-previous-step; answering an answered "
                    + "request is 409.")
    @ApiResponse(responseCode = "200", description = "The answer was recorded.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandAnswer.class)))
    @PostMapping("/{interviewId}/response")
    ResponseEntity<CommandAnswer> recordResponse(@PathVariable UUID contactId, @PathVariable UUID interviewId,
                                                 @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                                 @Valid @RequestBody RecordResponseRequest request) {
        return answer(contactId, interviewId, ifMatch, new RecordResponse(contactId, acting.owner(), interviewId,
                request.outcome(), request.note(), acting.atOrNow(request.at())));
    }

    @Operation(operationId = "sendNudge", summary = "Nudge an unanswered request",
            description = "A request that gets no answer deserves one polite nudge: closes the RESPONSE_NUDGE item. "
                    + "A second nudge for the same request is 409 nudge-already-sent; a nudge for an answered "
                    + "request is 409.")
    @ApiResponse(responseCode = "200", description = "The nudge was recorded.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandAnswer.class)))
    @PostMapping("/{interviewId}/nudge")
    ResponseEntity<CommandAnswer> sendNudge(@PathVariable UUID contactId, @PathVariable UUID interviewId,
                                            @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                            @Valid @RequestBody SendNudgeRequest request) {
        return answer(contactId, interviewId, ifMatch, new SendNudge(contactId, acting.owner(), interviewId,
                request.channel(), request.note(), acting.atOrNow(request.at())));
    }

    @Operation(operationId = "scheduleInterview", summary = "Schedule an accepted interview",
            description = "Sets when and by which mode (a channel) and where the interview takes place; only an "
                    + "accepted (or scheduled: rescheduling) interview can be scheduled, otherwise 409 naming "
                    + "its state.")
    @ApiResponse(responseCode = "200", description = "The interview was scheduled.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandAnswer.class)))
    @PostMapping("/{interviewId}/schedule")
    ResponseEntity<CommandAnswer> schedule(@PathVariable UUID contactId, @PathVariable UUID interviewId,
                                           @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                           @Valid @RequestBody ScheduleInterviewRequest request) {
        return answer(contactId, interviewId, ifMatch, new ScheduleInterview(contactId, acting.owner(), interviewId,
                request.scheduledFor(), request.mode(), request.location(), acting.atOrNow(request.at())));
    }

    @Operation(operationId = "prepareInterview", summary = "Record the preparation of an interview",
            description = "Prepare questions a day before and research the contact: 1–50 questions are required. A "
                    + "scheduled interview not prepared by the prepare-before window is a PREPARE due item.")
    @ApiResponse(responseCode = "200", description = "The preparation was recorded.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandAnswer.class)))
    @PostMapping("/{interviewId}/preparation")
    ResponseEntity<CommandAnswer> prepare(@PathVariable UUID contactId, @PathVariable UUID interviewId,
                                          @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                          @Valid @RequestBody PrepareInterviewRequest request) {
        return answer(contactId, interviewId, ifMatch, new PrepareInterview(contactId, acting.owner(), interviewId,
                request.questions(), request.researchNotes(), Boolean.TRUE.equals(request.recordingPermissionAsked()),
                acting.atOrNow(request.at())));
    }

    @Operation(operationId = "holdInterview", summary = "Record that an interview was held",
            description = "Records when it was held and how long it lasted (an overrun of the agreed minutes is "
                    + "flagged) and the checklist: thanked at start, introduced self, asked for referrals, "
                    + "thanked at end. Only a scheduled interview can be held; a hold before the acceptance is "
                    + "409 before-previous-step.")
    @ApiResponse(responseCode = "200", description = "The interview was recorded as held.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandAnswer.class)))
    @PostMapping("/{interviewId}/hold")
    ResponseEntity<CommandAnswer> hold(@PathVariable UUID contactId, @PathVariable UUID interviewId,
                                       @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                       @Valid @RequestBody HoldInterviewRequest request) {
        return answer(contactId, interviewId, ifMatch, new HoldInterview(contactId, acting.owner(), interviewId,
                request.heldAt(), request.actualMinutes(), request.notes(), request.checklist()));
    }

    @Operation(operationId = "sendThankYou", summary = "Record a thank-you for a held interview",
            description = "A held interview is owed a thank-you within the thank-you window (24 h by default); one "
                    + "sent later is flagged LATE_THANK_YOU. An interview not held is 409 interview-not-held; a "
                    + "second thank-you is 409 thank-you-already-sent.")
    @ApiResponse(responseCode = "200", description = "The thank-you was recorded.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandAnswer.class)))
    @PostMapping("/{interviewId}/thank-you")
    ResponseEntity<CommandAnswer> sendThankYou(@PathVariable UUID contactId, @PathVariable UUID interviewId,
                                               @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                               @Valid @RequestBody SendThankYouRequest request) {
        return answer(contactId, interviewId, ifMatch, new SendThankYou(contactId, acting.owner(), interviewId,
                request.channel(), request.note(), acting.atOrNow(request.at())));
    }

    @Operation(operationId = "cancelInterview", summary = "Cancel an interview",
            description = "Cancels an interview until it is held, with an optional reason; a held interview is 409, "
                    + "and one already cancelled is 409 interview-already-cancelled.")
    @ApiResponse(responseCode = "200", description = "The interview was cancelled.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandAnswer.class)))
    @PostMapping("/{interviewId}/cancel")
    ResponseEntity<CommandAnswer> cancel(@PathVariable UUID contactId, @PathVariable UUID interviewId,
                                         @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                         @Valid @RequestBody(required = false) CancelInterviewRequest body) {
        CancelInterviewRequest request = body != null ? body : CancelInterviewRequest.EMPTY;
        return answer(contactId, interviewId, ifMatch, new CancelInterview(contactId, acting.owner(), interviewId,
                request.reason(), acting.atOrNow(request.at())));
    }

    private ResponseEntity<CommandAnswer> answer(UUID contactId, UUID interviewId, String ifMatch, Object command) {
        return Answers.ok(CommandAnswer.forInterview(contactId, interviewId, send(ifMatch, command)));
    }

    private StreamState send(String ifMatch, Object command) {
        return commands.send(command, IfMatch.version(ifMatch));
    }
}
