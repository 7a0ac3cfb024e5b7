package app.rapport.command.contact;

import app.rapport.command.RuleViolation;
import app.rapport.commands.contact.AddContact;
import app.rapport.commands.contact.LogFollowUp;
import app.rapport.commands.interview.HoldInterview;
import app.rapport.commands.interview.RequestInterview;
import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.ContactArchived;
import app.rapport.events.contact.FollowUpLogged;
import app.rapport.events.interview.InterviewAccepted;
import app.rapport.events.interview.InterviewHeld;
import app.rapport.events.interview.InterviewPrepared;
import app.rapport.events.interview.InterviewRequested;
import app.rapport.events.interview.InterviewScheduled;
import app.rapport.events.interview.ThankYouSent;
import app.rapport.values.Channel;
import app.rapport.values.ContactDetails;
import app.rapport.values.ContactSource;
import app.rapport.values.FollowUpKind;
import app.rapport.values.InterviewChecklist;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;

/** Named test data for the contact's fixtures: one networker, one contact, one interview's life. */
final class ContactFixtures {

    static final Instant NOW = Instant.parse("2026-03-04T15:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final String OWNER = "ada";
    static final String STRANGER = "mallory";
    static final UUID CONTACT_ID = UUID.fromString("c0000000-0000-4000-8000-000000000001");
    static final UUID REFERRED_ID = UUID.fromString("c0000000-0000-4000-8000-000000000002");
    static final UUID INTERVIEW_ID = UUID.fromString("10000000-0000-4000-8000-000000000001");
    static final UUID OTHER_INTERVIEW_ID = UUID.fromString("10000000-0000-4000-8000-000000000002");
    static final UUID FOLLOW_UP_ID = UUID.fromString("f0000000-0000-4000-8000-000000000001");
    static final UUID INQUIRY_ID = UUID.fromString("a0000000-0000-4000-8000-000000000001");
    /** An event id no entry of the contact has, as another contact's event would be. */
    static final String UNKNOWN_ENTRY_ID = "e0000000-0000-4000-8000-000000000001";
    static final String REASON = "logged it wrongly";

    static final ContactDetails LIN = new ContactDetails(
            "Lin Chen", "Harbour Labs", "Data Engineer", "data platforms", Channel.VIDEO,
            "Café Nord", "lin@example.org", "+1 555 0100", "met at the spring career fair");
    static final ContactDetails SAM = new ContactDetails(
            "Sam Okafor", "Tidewater Analytics", "Analytics Lead", "public health data", Channel.EMAIL,
            null, "sam@example.org", null, null);

    static final int AGREED_MINUTES = 25;
    static final String PURPOSE = "what a data engineer's week looks like";

    // One interview's life, a few days apart, all before NOW.
    static final Instant ADDED_AT = NOW.minus(Duration.ofDays(20));
    static final Instant REQUESTED_AT = NOW.minus(Duration.ofDays(10));
    static final Instant ACCEPTED_AT = NOW.minus(Duration.ofDays(9));
    static final Instant SCHEDULED_AT = NOW.minus(Duration.ofDays(8));
    static final Instant MEETING_AT = NOW.minus(Duration.ofDays(2));
    static final Instant PREPARED_AT = NOW.minus(Duration.ofDays(3));
    static final Instant THANKED_AT = NOW.minus(Duration.ofDays(1));
    static final Instant FOLLOWED_UP_AT = NOW.minus(Duration.ofHours(1));
    static final Instant TOO_LATE = NOW.plus(Duration.ofMinutes(6));
    static final Instant JUST_AHEAD = NOW.plus(Duration.ofMinutes(5));

    static final InterviewChecklist ALL_COURTESIES = new InterviewChecklist(true, true, true, true);

    private ContactFixtures() {
    }

    static AggregateTestFixture<Contact> contactFixture() {
        AggregateTestFixture<Contact> fixture = new AggregateTestFixture<>(Contact.class);
        fixture.registerInjectableResource(CLOCK);
        return fixture;
    }

    /**
     * The event id the fixture gave the latest given event of this type. The fixture stamps given
     * events with ids of its own, so a test that names an entry asks for its id after {@code given}.
     */
    static String idOf(AggregateTestFixture<Contact> fixture, Class<?> eventType) {
        String id = null;
        var events = fixture.getEventStore().readEvents(CONTACT_ID.toString());
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (eventType.isInstance(event.getPayload())) {
                id = event.getIdentifier();
            }
        }
        if (id == null) {
            throw new IllegalArgumentException("No " + eventType.getSimpleName() + " was given");
        }
        return id;
    }

    /** Matches a refusal by its rule slug, the part of it that clients rely on. */
    static Matcher<Object> violating(String rule) {
        return new FeatureMatcher<>(equalTo(rule), "a rule violation of", "rule") {
            @Override
            protected String featureValueOf(Object actual) {
                return actual instanceof RuleViolation violation ? violation.rule() : null;
            }
        };
    }

    static AddContact addContact() {
        return new AddContact(CONTACT_ID, OWNER, LIN, ContactSource.EVENT, NOW);
    }

    static ContactAdded contactAdded() {
        return new ContactAdded(CONTACT_ID, OWNER, LIN, ContactSource.EVENT, null,
                Contact.NO_CADENCE_OF_ITS_OWN, ADDED_AT);
    }

    static ContactArchived contactArchived() {
        return new ContactArchived(CONTACT_ID, OWNER, NOW.minus(Duration.ofDays(1)));
    }

    static RequestInterview requestInterview() {
        return new RequestInterview(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, AGREED_MINUTES, PURPOSE,
                "Hello Lin, I am studying statistics and ...", NOW);
    }

    static InterviewRequested interviewRequested() {
        return new InterviewRequested(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, AGREED_MINUTES, PURPOSE,
                "Hello Lin, I am studying statistics and ...", REQUESTED_AT);
    }

    static HoldInterview holdInterview(int actualMinutes) {
        return new HoldInterview(CONTACT_ID, OWNER, INTERVIEW_ID, MEETING_AT, actualMinutes, "notes", ALL_COURTESIES);
    }

    static LogFollowUp logFollowUp() {
        return new LogFollowUp(CONTACT_ID, OWNER, FOLLOW_UP_ID, FollowUpKind.ADVICE_TAKEN, Channel.EMAIL,
                "took the course she suggested", NOW);
    }

    static FollowUpLogged followUpLogged(Instant at) {
        return new FollowUpLogged(CONTACT_ID, OWNER, FOLLOW_UP_ID, FollowUpKind.ADVICE_TAKEN, Channel.EMAIL,
                "took the course she suggested", at);
    }

    /** The history of a contact whose interview was requested. */
    static List<Object> requested() {
        return List.of(contactAdded(), interviewRequested());
    }

    /** The history up to an accepted request. */
    static List<Object> accepted() {
        return with(requested(), new InterviewAccepted(CONTACT_ID, OWNER, INTERVIEW_ID, "happy to", ACCEPTED_AT));
    }

    /** The history up to an interview with a date. */
    static List<Object> scheduled() {
        return with(accepted(), new InterviewScheduled(CONTACT_ID, OWNER, INTERVIEW_ID, MEETING_AT,
                Channel.IN_PERSON, "Café Nord", SCHEDULED_AT));
    }

    /** The history up to an interview with questions ready. */
    static List<Object> prepared() {
        return with(scheduled(), new InterviewPrepared(CONTACT_ID, OWNER, INTERVIEW_ID,
                List.of("How did you start?"), "read her blog", true, PREPARED_AT));
    }

    /** The history up to a held interview. */
    static List<Object> held() {
        return with(prepared(), new InterviewHeld(CONTACT_ID, OWNER, INTERVIEW_ID, AGREED_MINUTES, 30, "notes",
                ALL_COURTESIES, MEETING_AT));
    }

    /** The history up to a thanked-for interview. */
    static List<Object> thanked() {
        return with(held(), new ThankYouSent(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, "thank you", THANKED_AT));
    }

    static List<Object> with(List<Object> history, Object... more) {
        List<Object> events = new ArrayList<>(history);
        events.addAll(List.of(more));
        return events;
    }
}
