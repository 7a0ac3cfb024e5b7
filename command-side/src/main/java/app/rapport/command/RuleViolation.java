package app.rapport.command;

/**
 * A command refused because it contradicts the history; the HTTP edge answers 409 with
 * {@link #rule()} as the problem type, so a client can tell refusals apart without parsing text.
 */
public class RuleViolation extends RuntimeException {

    private final String rule;

    /**
     * @param rule    a stable slug such as {@code interview-not-held}; clients may depend on it
     * @param message what was asked, what state it met and what is allowed, in plain words
     */
    public RuleViolation(String rule, String message) {
        // Refusals are answers, not faults: a stack trace would only fill the logs.
        super(message, null, false, false);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
