package app.rapport.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem documents whose {@code type} names the rule or failure, as
 * {@code /problems/<slug>}, so clients can branch on it without parsing the detail.
 */
public final class Problems {

    public static final String TYPE_PREFIX = "/problems/";

    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create(TYPE_PREFIX + slug);
    }

    /**
     * A slug for a status that has no rule of its own: {@code malformed-request} for 400,
     * {@code unsupported-media-type} for 415.
     */
    public static String slugOf(HttpStatus status) {
        if (status == HttpStatus.BAD_REQUEST) {
            return "malformed-request";
        }
        if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
            return "internal-error";
        }
        return status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /**
     * The problem for a bare status, when all that is known is the status (an error Tomcat or a
     * filter sent before any handler ran); never more detail than that.
     */
    public static ProblemDetail forStatus(int code) {
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null || !status.isError()) {
            status = code >= 400 && code < 500 ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (status == HttpStatus.BAD_REQUEST) {
            return problem(status, slugOf(status), "Malformed request",
                    "The request line, path or headers cannot be read.");
        }
        if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
            return problem(status, slugOf(status), "Internal error", "The request could not be completed.");
        }
        return problem(status, slugOf(status), status.getReasonPhrase(), status.getReasonPhrase() + ".");
    }

    public static ProblemDetail problem(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
    }
}
