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
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An interview's lifecycle: requested, nudged, answered, scheduled, prepared, held, thanked for, or cancelled. */
@RestController
@RequestMapping("/api/contacts/{contactId}/interviews")
class InterviewController {

    private final CommandDispatcher commands;
    private final Acting acting;

    InterviewController(CommandDispatcher commands, Acting acting) {
        this.commands = commands;
        this.acting = acting;
    }

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

    @PostMapping("/{interviewId}/response")
    ResponseEntity<CommandAnswer> recordResponse(@PathVariable UUID contactId, @PathVariable UUID interviewId,
                                                 @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                                 @Valid @RequestBody RecordResponseRequest request) {
        return answer(contactId, interviewId, ifMatch, new RecordResponse(contactId, acting.owner(), interviewId,
                request.outcome(), request.note(), acting.atOrNow(request.at())));
    }

    @PostMapping("/{interviewId}/nudge")
    ResponseEntity<CommandAnswer> sendNudge(@PathVariable UUID contactId, @PathVariable UUID interviewId,
                                            @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                            @Valid @RequestBody SendNudgeRequest request) {
        return answer(contactId, interviewId, ifMatch, new SendNudge(contactId, acting.owner(), interviewId,
                request.channel(), request.note(), acting.atOrNow(request.at())));
    }

    @PostMapping("/{interviewId}/schedule")
    ResponseEntity<CommandAnswer> schedule(@PathVariable UUID contactId, @PathVariable UUID interviewId,
                                           @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                           @Valid @RequestBody ScheduleInterviewRequest request) {
        return answer(contactId, interviewId, ifMatch, new ScheduleInterview(contactId, acting.owner(), interviewId,
                request.scheduledFor(), request.mode(), request.location(), acting.atOrNow(request.at())));
    }

    @PostMapping("/{interviewId}/preparation")
    ResponseEntity<CommandAnswer> prepare(@PathVariable UUID contactId, @PathVariable UUID interviewId,
                                          @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                          @Valid @RequestBody PrepareInterviewRequest request) {
        return answer(contactId, interviewId, ifMatch, new PrepareInterview(contactId, acting.owner(), interviewId,
                request.questions(), request.researchNotes(), Boolean.TRUE.equals(request.recordingPermissionAsked()),
                acting.atOrNow(request.at())));
    }

    @PostMapping("/{interviewId}/hold")
    ResponseEntity<CommandAnswer> hold(@PathVariable UUID contactId, @PathVariable UUID interviewId,
                                       @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                       @Valid @RequestBody HoldInterviewRequest request) {
        return answer(contactId, interviewId, ifMatch, new HoldInterview(contactId, acting.owner(), interviewId,
                request.heldAt(), request.actualMinutes(), request.notes(), request.checklist()));
    }

    @PostMapping("/{interviewId}/thank-you")
    ResponseEntity<CommandAnswer> sendThankYou(@PathVariable UUID contactId, @PathVariable UUID interviewId,
                                               @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                               @Valid @RequestBody SendThankYouRequest request) {
        return answer(contactId, interviewId, ifMatch, new SendThankYou(contactId, acting.owner(), interviewId,
                request.channel(), request.note(), acting.atOrNow(request.at())));
    }

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
