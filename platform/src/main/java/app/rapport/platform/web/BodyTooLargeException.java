package app.rapport.platform.web;

import java.io.IOException;

/**
 * Thrown while a request body is read once it grows past the configured limit. An
 * {@link IOException}, so it travels through the JSON reader unchanged.
 */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long limit) {
        super("The request body is larger than the limit of " + limit + " bytes");
    }
}
