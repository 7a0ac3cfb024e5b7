package app.rapport.command;

/**
 * A command aimed at something this networker does not have; the HTTP edge answers 404, whether
 * it does not exist or belongs to someone else, so that ids cannot be probed.
 */
public abstract class NotFound extends RuleViolation {

    protected NotFound(String rule, String message) {
        super(rule, message);
    }
}
