package app.rapport.query.support;

import java.util.List;

import app.rapport.platform.web.FieldError;
import app.rapport.platform.web.ProblemResponses;
import app.rapport.platform.web.Problems;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * The query side's own failures as problem documents, ahead of the platform's advice.
 *
 * <p>It also hands bad request parameters to the platform's {@link ProblemResponses} itself:
 * with {@code spring.mvc.problemdetails.enabled} Spring Boot registers its own
 * {@code ProblemDetailsExceptionHandler} at order 0, which wins over the platform's advice at the
 * lowest precedence and answers without the {@code errors} list naming the field. The proper fix
 * belongs in the platform; until then this keeps the contract.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryProblems {

    private final ProblemResponses platform;

    QueryProblems(ProblemResponses platform) {
        this.platform = platform;
    }

    @ExceptionHandler({HandlerMethodValidationException.class, TypeMismatchException.class,
            MissingServletRequestParameterException.class, MethodArgumentNotValidException.class,
            HttpMessageNotReadableException.class})
    ResponseEntity<Object> badRequest(Exception ex, WebRequest request) throws Exception {
        return platform.handleException(ex, request);
    }

    /** Seconds a client should wait before asking again; processors commit a batch well within it. */
    static final String RETRY_AFTER_SECONDS = "1";

    @ExceptionHandler(QueryNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(QueryNotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage()));
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
