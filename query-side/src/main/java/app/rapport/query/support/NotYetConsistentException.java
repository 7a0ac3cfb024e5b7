package app.rapport.query.support;

/** The read model has not processed the position a client asked to read after, within the wait. */
public class NotYetConsistentException extends RuntimeException {

    public NotYetConsistentException(String message) {
        super(message);
    }
}
