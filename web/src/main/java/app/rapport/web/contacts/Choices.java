package app.rapport.web.contacts;

import java.util.List;

/** The API's enumerations, for the pages' selects (values as the API spells them). */
public final class Choices {

    public static final List<String> CHANNELS = List.of("EMAIL", "PHONE", "IN_PERSON", "VIDEO", "SOCIAL_MESSAGE");
    public static final List<String> SOURCES = List.of("COLD", "EVENT", "REFERRAL", "SOCIAL", "OTHER");
    public static final List<String> STAGES = List.of("NEW", "REQUESTED", "SCHEDULED", "INTERVIEWED", "CONNECTED",
            "ESTABLISHED", "ARCHIVED");
    public static final List<String> OUTCOMES = List.of("ACCEPTED", "DECLINED", "NO_RESPONSE");
    public static final List<String> FOLLOW_UP_KINDS = List.of("CONGRATULATIONS", "SOCIAL_REPLY", "ADVICE_TAKEN",
            "CHECK_IN", "OTHER");
    public static final List<String> IMPORT_FORMATS = List.of("csv", "linkedin", "vcard", "events");

    private Choices() {
    }
}
