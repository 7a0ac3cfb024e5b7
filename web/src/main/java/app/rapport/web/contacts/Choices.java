package app.rapport.web.contacts;

import java.util.List;

import app.rapport.web.support.Show;

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

    /** A select's option: the API's value and its words, worked out once rather than on every page. */
    public record Option(String value, String label) {
    }

    static final List<Option> CHANNEL_OPTIONS = options(CHANNELS);
    static final List<Option> OUTCOME_OPTIONS = options(OUTCOMES);
    static final List<Option> FOLLOW_UP_KIND_OPTIONS = options(FOLLOW_UP_KINDS);

    private Choices() {
    }

    private static List<Option> options(List<String> values) {
        return values.stream().map(value -> new Option(value, Show.nameOf(value))).toList();
    }
}
