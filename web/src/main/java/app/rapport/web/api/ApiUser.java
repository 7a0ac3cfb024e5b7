package app.rapport.web.api;

import java.io.Serial;
import java.io.Serializable;

/**
 * A person signed in with the form: their name, and the {@code Authorization} header the pages
 * send to the API on their behalf. It lives in the server-side session only (never in a cookie or
 * a page) and goes when the session does. Deliberately not a {@code CredentialsContainer}: Spring
 * Security would erase it after sign-in, and every later API call needs it.
 */
public record ApiUser(String username, String authorization) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
        return "ApiUser[" + username + "]";
    }
}
