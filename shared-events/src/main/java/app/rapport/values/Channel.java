package app.rapport.values;

/** A way of reaching a contact, used for requests, interviews, thank-yous and follow-ups. */
public enum Channel {
    EMAIL,
    PHONE,
    IN_PERSON,
    VIDEO,
    SOCIAL_MESSAGE
}
