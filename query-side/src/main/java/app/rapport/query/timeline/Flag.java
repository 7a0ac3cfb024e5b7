package app.rapport.query.timeline;

/** What a mentor should notice about a timeline entry: a lapse in practice, or an amendment of the journal. */
public enum Flag {
    /** held longer than the time box agreed in the request */
    OVERRAN,
    /** thanked later than {@code rapport.practice.thank-you-within} after the interview was held */
    LATE_THANK_YOU,
    /** asked about openings before the relationship was established */
    EARLY_JOB_INQUIRY,
    /** held with no preparation recorded */
    UNPREPARED,
    /** requested by, or scheduled in, another channel than the one the contact prefers */
    IGNORED_PREFERRED_CHANNEL,
    /** scheduled at another place than the one the contact prefers */
    IGNORED_PREFERRED_LOCATION,
    /** accepted or declined after the networker had given up on an answer */
    LATE_ANSWER,
    /** a promise kept after the date it was due by */
    LATE_COMMITMENT,
    /** corrected later: the entry shows the corrected values, and its details the corrections */
    CORRECTED,
    /** retracted later: the entry stays in the history but no longer counts anywhere */
    RETRACTED
}
