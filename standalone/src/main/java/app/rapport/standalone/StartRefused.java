package app.rapport.standalone;

/**
 * A reason the standalone app will not start that its user can act on (another app holds the data
 * directory, the port is taken, the data was made by another PostgreSQL): reported as its message
 * alone, on one line, and the process exits with {@link #EXIT_CODE}.
 */
public class StartRefused extends RuntimeException {

    public static final int EXIT_CODE = 2;

    public StartRefused(String message) {
        super(message, null, false, false);
    }

    /** The refusal behind a start-up failure, however deep Spring wrapped it, or null. */
    static StartRefused foundIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StartRefused refused) {
                return refused;
            }
        }
        return null;
    }
}
