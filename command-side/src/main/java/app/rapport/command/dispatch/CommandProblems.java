package app.rapport.command.dispatch;

import java.util.List;

import app.rapport.command.NotFound;
import app.rapport.command.RuleViolation;
import app.rapport.platform.web.FieldError;
import app.rapport.platform.web.Problems;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Domain refusals as problem documents: a rule the history contradicts is 409 with the rule as
 * the type; anything this networker does not own is 404, never 403, so ids cannot be probed.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandProblems {

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound refusal) {
        return answer(HttpStatus.NOT_FOUND, refusal.rule(), "Not found", refusal.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> noSuchAggregate(AggregateNotFoundException missing) {
        return answer(HttpStatus.NOT_FOUND, "contact-not-found", "Not found",
                "There is no contact " + missing.getAggregateIdentifier() + " in your journal.");
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> refused(RuleViolation refusal) {
        return answer(HttpStatus.CONFLICT, refusal.rule(), "Refused by the history", refusal.getMessage());
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException stale) {
        return answer(HttpStatus.CONFLICT, "stale-version", "Version is stale",
                "If-Match expected version %d, but %s is at version %d; read it again and retry."
                        .formatted(stale.getExpectedVersion() + 1, stale.getAggregateIdentifier(),
                                stale.getActualVersion() + 1));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentWrite(ConcurrencyException conflict) {
        return answer(HttpStatus.CONFLICT, "concurrent-modification", "Changed concurrently",
                "Another change to the same contact was saved at the same moment; read it again and retry.");
    }

    @ExceptionHandler(MalformedIfMatchException.class)
    ResponseEntity<ProblemDetail> malformedIfMatch(MalformedIfMatchException malformed) {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                malformed.getMessage() + ".");
        problem.setProperty("errors", List.of(new FieldError(IfMatch.HEADER, "must be an aggregate version")));
        return ResponseEntity.badRequest().body(problem);
    }

    private static ResponseEntity<ProblemDetail> answer(HttpStatus status, String rule, String title, String detail) {
        return ResponseEntity.status(status).body(Problems.problem(status, rule, title, detail));
    }
}
