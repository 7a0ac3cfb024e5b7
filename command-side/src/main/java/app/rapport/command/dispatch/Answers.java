package app.rapport.command.dispatch;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The HTTP shape of command answers: the version doubles as the entity tag. */
public final class Answers {

    private Answers() {
    }

    public static ResponseEntity<CommandAnswer> ok(CommandAnswer answer) {
        return ResponseEntity.ok().eTag(IfMatch.etag(answer.version())).body(answer);
    }

    public static ResponseEntity<CommandAnswer> created(URI location, CommandAnswer answer) {
        return ResponseEntity.status(HttpStatus.CREATED).location(location)
                .eTag(IfMatch.etag(answer.version())).body(answer);
    }
}
