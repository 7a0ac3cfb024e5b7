package app.rapport.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The check every command's business time passes: people log what happened, so it may be long
 * ago, but it cannot be later than now.
 */
public final class BusinessTime {

    /** Slack for the clocks of phones and laptops that run a little ahead of the server's. */
    public static final Duration ALLOWED_AHEAD = Duration.ofMinutes(5);

    private BusinessTime() {
    }

    /**
     * Refuses a missing time or one more than {@link #ALLOWED_AHEAD} after the clock's now.
     *
     * @param asked what the command asks, as in "Cannot {asked} at …", e.g. "log a follow-up"
     */
    public static void requireNotInFuture(Instant at, Clock clock, String asked) {
        if (at == null) {
            throw new RuleViolation("required-value-missing",
                    "Cannot %s: no time was given; say when it happened.".formatted(asked));
        }
        Instant now = clock.instant();
        if (at.isAfter(now.plus(ALLOWED_AHEAD))) {
            throw new RuleViolation("at-in-future",
                    "Cannot %s at %s: that is later than now (%s); record it once it has happened."
                            .formatted(asked, at, now));
        }
    }
}
