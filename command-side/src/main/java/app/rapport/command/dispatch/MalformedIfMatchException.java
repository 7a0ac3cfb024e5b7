package app.rapport.command.dispatch;

/** An {@code If-Match} header that names no version. */
public class MalformedIfMatchException extends RuntimeException {

    public MalformedIfMatchException(String header) {
        super("If-Match must hold an aggregate version such as \"3\", not '" + header + "'");
    }
}
