package app.rapport.web.contacts;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpMethod;

/**
 * One command a contact's page can send: its API path (under the contact) and the form fields
 * that make its body. Form fields carry the API's field names; a field whose name has a dot
 * ({@code checklist.thankedAtStart}) goes into the object it names.
 */
record Command(String name, HttpMethod method, String path, String anchor, List<Field> fields) {

    /** How a typed value becomes a JSON value. */
    enum Kind {
        /** trimmed text; left out when blank */
        TEXT,
        /** a whole number */
        NUMBER,
        /** a checkbox: true when ticked, false otherwise */
        FLAG,
        /** a {@code datetime-local} in the person's time zone, sent as an instant */
        TIME,
        /** every non-blank value of the field, as a list */
        LIST,
        /** an id in the path, never in the body */
        PATH
    }

    record Field(String name, Kind kind) {
    }

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    private static Field text(String name) {
        return new Field(name, Kind.TEXT);
    }

    private static Field number(String name) {
        return new Field(name, Kind.NUMBER);
    }

    private static Field flag(String name) {
        return new Field(name, Kind.FLAG);
    }

    private static Field time(String name) {
        return new Field(name, Kind.TIME);
    }

    private static Field path(String name) {
        return new Field(name, Kind.PATH);
    }

    private static Command of(String name, HttpMethod method, String path, String anchor, Field... fields) {
        return new Command(name, method, path, anchor, List.of(fields));
    }

    private static final List<Field> PERSON = List.of(text("name"), text("organization"), text("role"),
            text("specialization"), text("preferredChannel"), text("preferredLocation"), text("email"),
            text("phone"), text("notes"));

    /** Every command of a contact's page, in the order of the lifecycle. */
    static final Map<String, Command> ALL = Map.ofEntries(
            entry(of("request", HttpMethod.POST, "/interviews", "request", text("interviewId"), text("channel"),
                    number("durationMinutes"), text("purpose"), text("message"), time("at"))),
            entry(of("response", HttpMethod.POST, "/interviews/{interviewId}/response", "response-{interviewId}",
                    path("interviewId"), text("outcome"), text("note"), time("at"))),
            entry(of("nudge", HttpMethod.POST, "/interviews/{interviewId}/nudge", "nudge-{interviewId}",
                    path("interviewId"), text("channel"), text("note"), time("at"))),
            entry(of("schedule", HttpMethod.POST, "/interviews/{interviewId}/schedule", "schedule-{interviewId}",
                    path("interviewId"), time("scheduledFor"), text("mode"), text("location"), time("at"))),
            entry(of("preparation", HttpMethod.POST, "/interviews/{interviewId}/preparation",
                    "preparation-{interviewId}", path("interviewId"), new Field("questions", Kind.LIST),
                    text("researchNotes"), flag("recordingPermissionAsked"), time("at"))),
            entry(of("hold", HttpMethod.POST, "/interviews/{interviewId}/hold", "hold-{interviewId}",
                    path("interviewId"), time("heldAt"), number("actualMinutes"), text("notes"),
                    flag("checklist.thankedAtStart"), flag("checklist.introducedSelf"),
                    flag("checklist.askedForReferrals"), flag("checklist.thankedAtEnd"))),
            entry(of("thank-you", HttpMethod.POST, "/interviews/{interviewId}/thank-you", "thank-you-{interviewId}",
                    path("interviewId"), text("channel"), text("note"), time("at"))),
            entry(of("cancel", HttpMethod.POST, "/interviews/{interviewId}/cancel", "cancel-{interviewId}",
                    path("interviewId"), text("reason"), time("at"))),
            entry(of("follow-up", HttpMethod.POST, "/follow-ups", "follow-up", text("followUpId"), text("kind"),
                    text("channel"), text("note"), time("at"), new Field("keeps", Kind.LIST))),
            entry(of("commitment", HttpMethod.POST, "/commitments", "commitment", text("commitmentId"),
                    text("promise"), text("interviewId"), time("dueBy"), time("at"))),
            entry(of("kept", HttpMethod.POST, "/commitments/{commitmentId}/kept", "commitment-{commitmentId}",
                    path("commitmentId"), text("note"), time("at"))),
            entry(of("dropped", HttpMethod.POST, "/commitments/{commitmentId}/dropped", "commitment-{commitmentId}",
                    path("commitmentId"), text("reason"), time("at"))),
            entry(new Command("referral", HttpMethod.POST, "/referrals", "referral",
                    concat(List.of(text("contactId")), PERSON))),
            entry(of("job-inquiry", HttpMethod.POST, "/job-inquiries", "job-inquiry", text("inquiryId"),
                    text("note"), flag("acknowledgeEarly"), time("at"))),
            entry(of("correction", HttpMethod.POST, "/entries/{entryId}/correction", "entry-{entryId}",
                    path("entryId"), text("reason"), time("at"), time("heldAt"), number("actualMinutes"),
                    text("note"), text("notes"), text("channel"))),
            entry(of("retraction", HttpMethod.POST, "/entries/{entryId}/retraction", "entry-{entryId}",
                    path("entryId"), text("reason"))),
            entry(new Command("details", HttpMethod.PATCH, "", "details", PERSON)),
            entry(of("cadence", HttpMethod.PUT, "/cadence", "details", number("days"))),
            entry(of("archive", HttpMethod.POST, "/archive", "details")),
            entry(of("restore", HttpMethod.POST, "/restore", "details")),
            entry(of("erasure", HttpMethod.POST, "/erasure", "details", text("reason"))));

    private static Map.Entry<String, Command> entry(Command command) {
        return Map.entry(command.name(), command);
    }

    private static List<Field> concat(List<Field> first, List<Field> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
