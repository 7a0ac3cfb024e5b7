package app.rapport.platform.openapi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The subjects the operations are grouped by, each declared once with its description: a client
 * generator makes one API class per tag, so a tag is a name clients live with.
 */
public final class ApiTags {

    public static final String CONTACTS = "contacts";
    public static final String INTERVIEWS = "interviews";
    public static final String FOLLOW_UPS = "follow-ups";
    public static final String COMMITMENTS = "commitments";
    public static final String CORRECTIONS = "corrections";
    public static final String REFERRALS = "referrals";
    public static final String REPORTS = "reports";
    public static final String ANALYTICS = "analytics";
    public static final String IMPORTS = "imports";
    public static final String EXPORTS = "exports";
    public static final String CALENDAR = "calendar";
    public static final String PROFILE = "profile";
    public static final String MENTORING = "mentoring";
    public static final String ERASURE = "erasure";
    public static final String ADMINISTRATION = "administration";
    public static final String EVENTS = "events";
    public static final String WEBHOOKS = "webhooks";

    /** Every tag with its description, in the order a reader meets them. */
    public static final Map<String, String> DESCRIPTIONS = descriptions();

    private ApiTags() {
    }

    private static Map<String, String> descriptions() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(CONTACTS, "The people in the journal: adding, changing, archiving them, and reading the "
                + "contact list, one contact and its timeline.");
        tags.put(INTERVIEWS, "An informational interview's lifecycle: requested, nudged, answered, scheduled, "
                + "prepared, held, thanked for, or cancelled; commands out of order are 409.");
        tags.put(FOLLOW_UPS, "Staying on a contact's radar after an interview, and the due and overdue items "
                + "the practice owes.");
        tags.put(COMMITMENTS, "Promises made to a contact (an article to send, a name to pass on), kept or dropped.");
        tags.put(CORRECTIONS, "Amending what was recorded without rewriting it: a correction or a retraction is "
                + "an event of its own.");
        tags.put(REFERRALS, "People a contact referred the user to, created as contacts linked to the referrer.");
        tags.put(REPORTS, "Reviews of practice and of referrals over a period, as a mentor would read them.");
        tags.put(ANALYTICS, "Outreach counts and rates by channel, source, specialization or month.");
        tags.put(IMPORTS, "Bringing a network in from a CSV, LinkedIn, vCard or JSON Lines file.");
        tags.put(EXPORTS, "Taking the journal out: contacts as CSV or vCard, the events as JSON Lines.");
        tags.put(CALENDAR, "A calendar feed of scheduled interviews and due items for a calendar application.");
        tags.put(PROFILE, "The user's own profile, which drafts of messages are written from.");
        tags.put(MENTORING, "Granting a mentor read access, and the mentees who granted it.");
        tags.put(ERASURE, "Erasing a contact's personal data, or the whole account.");
        tags.put(ADMINISTRATION, "Operating the service: replays of read models, dead letters, erasures to "
                + "repeat after a restore. Administrators only.");
        tags.put(EVENTS, "Following the journal from outside: the caller's events after a position.");
        tags.put(WEBHOOKS, "Endpoints the caller's events are delivered to, signed, as they are recorded.");
        return Collections.unmodifiableMap(tags);
    }
}
