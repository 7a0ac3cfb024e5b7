package app.rapport.query.timeline;

/** A lapse in practice a mentor should see on the timeline. */
public enum Flag {
    /** held longer than the time box agreed in the request */
    OVERRAN,
    /** thanked more than 24 hours after the interview was held */
    LATE_THANK_YOU,
    /** asked about openings before the relationship was established */
    EARLY_JOB_INQUIRY,
    /** held with no preparation recorded */
    UNPREPARED,
    /** requested by a channel other than the one the contact prefers */
    IGNORED_PREFERRED_CHANNEL
}
