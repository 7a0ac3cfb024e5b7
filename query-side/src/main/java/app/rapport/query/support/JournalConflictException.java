package app.rapport.query.support;

/**
 * The journal does not hold what the query needs, or holds what rules it out: a draft of a
 * thank-you for an interview not yet held, a message written for a networker with no profile.
 * Answered 409 with the rule as the problem's type, as the command side answers a refusal.
 */
public class JournalConflictException extends RuntimeException {

    private final String rule;

    public JournalConflictException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** The slug naming what is missing or in the way, e.g. {@code profile-missing}. */
    public String rule() {
        return rule;
    }
}
