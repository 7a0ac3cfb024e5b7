package app.rapport.query.contacts;

/**
 * How far a relationship has come. A contact is at the furthest stage its history reaches, except
 * that SCHEDULED holds only while an interview is still on the calendar, and ARCHIVED overrides all.
 */
public enum Stage {
    NEW,
    REQUESTED,
    SCHEDULED,
    INTERVIEWED,
    /** thanked after an interview */
    CONNECTED,
    /** followed up after the thank-you: the point from which asking about openings is fair */
    ESTABLISHED,
    ARCHIVED
}
