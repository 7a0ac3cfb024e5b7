package app.rapport.values;

import java.time.Instant;

/**
 * When a relationship counts as established: a follow-up logged strictly after a thank-you, so a
 * note dated the same moment as the thanks is not yet "staying in touch". The command side, which
 * refuses a job inquiry before it, and every view that shows a contact's stage ask this one rule.
 */
public final class Relationship {

    private Relationship() {
    }

    public static boolean isEstablishedBy(Instant thankedAt, Instant followedUpAt) {
        return thankedAt != null && followedUpAt != null && followedUpAt.isAfter(thankedAt);
    }
}
