package app.rapport.query.followup;

/** Why something is due. */
public enum DueKind {
    /** a held interview not yet thanked for */
    THANK_YOU,
    /** a request with no answer, owed one polite nudge */
    RESPONSE_NUDGE,
    /** a scheduled interview not yet prepared */
    PREPARE,
    /** a connected contact not touched within its cadence */
    KEEP_IN_TOUCH,
    /** an open promise to the contact past the date it was due by */
    COMMITMENT
}
