package app.rapport.values;

/** Why the networker got back in touch with a contact after an interview. */
public enum FollowUpKind {
    CONGRATULATIONS,
    SOCIAL_REPLY,
    ADVICE_TAKEN,
    CHECK_IN,
    OTHER
}
