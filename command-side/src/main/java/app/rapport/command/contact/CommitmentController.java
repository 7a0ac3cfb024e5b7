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
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The promises made to a contact: made, then kept or dropped (a follow-up can keep them too). */
@RestController
@RequestMapping("/api/contacts/{contactId}/commitments")
class CommitmentController {

    private final CommandDispatcher commands;
    private final Acting acting;

    CommitmentController(CommandDispatcher commands, Acting acting) {
        this.commands = commands;
        this.acting = acting;
    }

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

    @PostMapping("/{commitmentId}/kept")
    ResponseEntity<CommandAnswer> kept(@PathVariable UUID contactId, @PathVariable UUID commitmentId,
                                       @RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                       @Valid @RequestBody(required = false) KeepCommitmentRequest body) {
        KeepCommitmentRequest request = body != null ? body : KeepCommitmentRequest.EMPTY;
        return answer(contactId, commitmentId, ifMatch, new KeepCommitment(contactId, acting.owner(), commitmentId,
                request.note(), acting.atOrNow(request.at())));
    }

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
