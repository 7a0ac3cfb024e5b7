package app.rapport.web.api;

import java.util.List;
import java.util.Map;

/**
 * The API said no: its problem document, kept whole so that a page can show its detail next to
 * the form that was sent, and name each bad field as the API named it.
 *
 * @param status the API's status (a 5xx or an unreachable API is reported as 502 by the pages)
 * @param errors per field, the API's {@code errors} list: field name to its problem
 */
public class ApiRefusal extends RuntimeException {

    private final int status;
    private final String title;
    private final String detail;
    private final transient Map<String, String> errors;

    public ApiRefusal(int status, String title, String detail, Map<String, String> errors) {
        super(status + " " + title + ": " + detail);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = Map.copyOf(errors);
    }

    public static ApiRefusal unreachable(String why) {
        return new ApiRefusal(502, "The journal did not answer", why, Map.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public Map<String, String> errors() {
        return errors;
    }

    /** The field names the API found wrong, for marking inputs invalid. */
    public List<String> fields() {
        return List.copyOf(errors.keySet());
    }
}
