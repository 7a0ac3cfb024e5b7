package app.rapport.command.erasure;

import java.util.List;

import app.rapport.command.dispatch.Acting;
import app.rapport.command.dispatch.IfMatch;
import app.rapport.platform.openapi.ApiTags;
import app.rapport.platform.web.FieldError;
import app.rapport.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller erases their own account: every contact, their profile and their grants, which
 * cannot be undone. So it takes a confirmation no client sends by accident: the caller's own
 * username, which a request aimed at the wrong account (a mix-up of credentials) does not carry.
 */
@Tag(name = ApiTags.ERASURE)
@RestController
class AccountController {

    static final String CONFIRM = "confirm";

    private final AccountErasing erasing;
    private final Acting acting;

    AccountController(AccountErasing erasing, Acting acting) {
        this.erasing = erasing;
        this.acting = acting;
    }

    @Operation(operationId = "eraseAccount", summary = "Erase your account",
            description = "Erases every contact of the caller and their profile and grants; cannot be undone, so it "
                    + "must be confirmed with confirm=<your own username> (400 otherwise).")
    @ApiResponse(responseCode = "200", description = "The account was erased.",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AccountErasureAnswer.class)))
    @Parameter(name = "confirm",
            description = "Your own username: the confirmation that the whole account is to be erased.")
    @DeleteMapping("/api/account")
    ResponseEntity<?> erase(@RequestParam(value = CONFIRM, required = false) String confirm) {
        String me = acting.owner();
        if (!me.equals(confirm)) {
            ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    ("Erasing an account erases every contact, the profile and the mentors' access, and cannot be "
                            + "undone: confirm it with ?%s=%s, your own username.").formatted(CONFIRM, me));
            problem.setProperty("errors", List.of(new FieldError(CONFIRM, "must be your own username")));
            return ResponseEntity.badRequest().body(problem);
        }
        AccountErasureAnswer answer = erasing.erase(me, acting.atOrNow(null));
        return ResponseEntity.ok().eTag(IfMatch.etag(answer.version())).body(answer);
    }
}
