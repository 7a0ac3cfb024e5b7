package app.rapport.command.networker;

import app.rapport.command.dispatch.Acting;
import app.rapport.command.dispatch.Answers;
import app.rapport.command.dispatch.CommandAnswer;
import app.rapport.command.dispatch.CommandDispatcher;
import app.rapport.command.dispatch.IfMatch;
import app.rapport.command.dispatch.StreamState;
import app.rapport.commands.networker.GrantMentorAccess;
import app.rapport.commands.networker.RevokeMentorAccess;
import app.rapport.commands.networker.SetProfile;
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

/** The acting user's own profile and whom they let read their journal as a mentor. */
@RestController
@Validated
class NetworkerController {

    static final String USERNAME = "[A-Za-z0-9._@-]{1,100}";

    private final CommandDispatcher commands;
    private final Acting acting;

    NetworkerController(CommandDispatcher commands, Acting acting) {
        this.commands = commands;
        this.acting = acting;
    }

    @PutMapping("/api/profile")
    ResponseEntity<CommandAnswer> setProfile(@RequestHeader(value = IfMatch.HEADER, required = false) String ifMatch,
                                             @Valid @RequestBody ProfileRequest request) {
        String me = acting.owner();
        return answer(me, ifMatch, new SetProfile(me, request.displayName(), request.school(), request.program(),
                request.interests(), acting.atOrNow(null)));
    }

    @PutMapping("/api/mentors/{username}")
    ResponseEntity<CommandAnswer> grant(@PathVariable @Pattern(regexp = USERNAME) String username) {
        String me = acting.owner();
        return answer(me, null, new GrantMentorAccess(me, username, acting.atOrNow(null)));
    }

    @DeleteMapping("/api/mentors/{username}")
    ResponseEntity<CommandAnswer> revoke(@PathVariable @Pattern(regexp = USERNAME) String username) {
        String me = acting.owner();
        return answer(me, null, new RevokeMentorAccess(me, username, acting.atOrNow(null)));
    }

    private ResponseEntity<CommandAnswer> answer(String me, String ifMatch, Object command) {
        StreamState state = commands.send(command, IfMatch.version(ifMatch));
        return Answers.ok(CommandAnswer.forNetworker(me, state));
    }
}
