package app.rapport.query.support;

import java.util.List;

import app.rapport.platform.web.FieldError;
import app.rapport.platform.web.ProblemResponses;
import app.rapport.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The query side's own failures as problem documents, ahead of the platform's advice. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryProblems {

    /** Seconds a client should wait before asking again; processors commit a batch well within it. */
    static final String RETRY_AFTER_SECONDS = "1";

    @ExceptionHandler(QueryNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(QueryNotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage()));
    }

    @ExceptionHandler(JournalConflictException.class)
    ResponseEntity<ProblemDetail> conflict(JournalConflictException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.problem(HttpStatus.CONFLICT, ex.rule(), "Refused by the history", ex.getMessage()));
    }

    @ExceptionHandler(BadQueryParameterException.class)
    ResponseEntity<ProblemDetail> badParameter(BadQueryParameterException ex) {
        return ResponseEntity.badRequest().body(ProblemResponses.invalid("Invalid field(s): " + ex.parameter() + ".",
                List.of(new FieldError(ex.parameter(), ex.getMessage()))));
    }

    @ExceptionHandler(NotYetConsistentException.class)
    ResponseEntity<ProblemDetail> notYetConsistent(NotYetConsistentException ex) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "not-yet-consistent",
                        "Read model not yet up to date", ex.getMessage()));
    }
}
