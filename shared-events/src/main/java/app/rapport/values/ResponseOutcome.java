package app.rapport.values;

/** What came of an interview request: accepted, declined, or no answer at all. */
public enum ResponseOutcome {
    ACCEPTED,
    DECLINED,
    NO_RESPONSE
}
