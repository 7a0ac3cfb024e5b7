package app.rapport.command.contact;

import java.net.URI;
import java.util.UUID;

import app.rapport.command.dispatch.Acting;
import app.rapport.command.dispatch.Answers;
import app.rapport.command.dispatch.CommandAnswer;
import app.rapport.command.dispatch.CommandDispatcher;
import app.rapport.command.dispatch.IfMatch;
import app.rapport.command.dispatch.StreamState;
import app.rapport.commands.commitment.DropCommitment;
import app.rapport.commands.commitment.KeepCommitment;
import app.rapport.commands.commitment.MakeCommitment;
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

/** The promises made to a contact: made, then kept or dropped (a follow-up can keep them too). */
@Tag(name = ApiTags.COMMITMENTS)
@RestController
@RequestMapping("/api/contacts/{contactId}/commitments")
class CommitmentController {

    private final CommandDispatcher commands;
    private final Acting acting;

    CommitmentController(CommandDispatcher commands, Acting acting) {
        this.commands = commands;
        this.acting = acting;
    }

    @Operation(operationId = "makeCommitment", summary = "Record a promise made to a contact",
            description = "A promise (up to 500 characters), optionally for an interview and due by a time: an open "
                    + "promise past its due time is an overdue item of kind COMMITMENT. The commitmentId may be "
                    + "chosen by the client for a safe retry.")
    @ApiResponse(responseCode = "201", description = "The commitment was recorded.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandAnswer.class)))
    @PostMapping
    ResponseEntity<CommandAnswer> make(@PathVariable UUID contactId,
                                       @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                       @Valid @RequestBody MakeCommitmentRequest request) {
        UUID commitmentId = request.commitmentId() != null ? request.commitmentId() : UUID.randomUUID();
        StreamState state = send(ifMatch, new MakeCommitment(contactId, acting.owner(), commitmentId,
                request.interviewId(), request.promise(), request.dueBy(), acting.atOrNow(request.at())));
        return Answers.created(URI.create("/api/contacts/" + contactId + "/commitments/" + commitmentId),
                CommandAnswer.forCommitment(contactId, commitmentId, state));
    }

    @Operation(operationId = "keepCommitment", summary = "Record that a promise was kept",
            description = "Closes an open commitment as KEPT; keeping it again with the same note is answered as "
                    + "the first time, and a dropped one is 409.")
    @ApiResponse(responseCode = "200", description = "The commitment was kept.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandAnswer.class)))
    @PostMapping("/{commitmentId}/kept")
    ResponseEntity<CommandAnswer> kept(@PathVariable UUID contactId, @PathVariable UUID commitmentId,
                                       @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                       @Valid @RequestBody(required = false) KeepCommitmentRequest body) {
        KeepCommitmentRequest request = body != null ? body : KeepCommitmentRequest.EMPTY;
        return answer(contactId, commitmentId, ifMatch, new KeepCommitment(contactId, acting.owner(), commitmentId,
                request.note(), acting.atOrNow(request.at())));
    }

    @Operation(operationId = "dropCommitment", summary = "Record that a promise was dropped",
            description = "Closes an open commitment as DROPPED, with an optional reason; dropping it again for the "
                    + "same reason is answered as the first time, and a kept one is 409.")
    @ApiResponse(responseCode = "200", description = "The commitment was dropped.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandAnswer.class)))
    @PostMapping("/{commitmentId}/dropped")
    ResponseEntity<CommandAnswer> dropped(@PathVariable UUID contactId, @PathVariable UUID commitmentId,
                                          @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                          @Valid @RequestBody(required = false) DropCommitmentRequest body) {
        DropCommitmentRequest request = body != null ? body : DropCommitmentRequest.EMPTY;
        return answer(contactId, commitmentId, ifMatch, new DropCommitment(contactId, acting.owner(), commitmentId,
                request.reason(), acting.atOrNow(request.at())));
    }

    private ResponseEntity<CommandAnswer> answer(UUID contactId, UUID commitmentId, String ifMatch, Object command) {
        return Answers.ok(CommandAnswer.forCommitment(contactId, commitmentId, send(ifMatch, command)));
    }

    private StreamState send(String ifMatch, Object command) {
        return commands.send(command, IfMatch.version(ifMatch));
    }
}
