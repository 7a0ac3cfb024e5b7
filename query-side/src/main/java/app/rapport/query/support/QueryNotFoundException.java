package app.rapport.query.support;

/**
 * Nothing by that id for this reader: someone else's contact and a journal the reader may not see
 * answer the same way, so ids cannot be probed.
 */
public class QueryNotFoundException extends RuntimeException {

    public QueryNotFoundException(String message) {
        super(message);
    }
}
