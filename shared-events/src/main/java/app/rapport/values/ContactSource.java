package app.rapport.values;

/** How the networker came to know a contact: outreach analytics group by it. */
public enum ContactSource {
    COLD,
    EVENT,
    REFERRAL,
    SOCIAL,
    OTHER
}
