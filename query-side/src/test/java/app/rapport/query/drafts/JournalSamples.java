package app.rapport.query.drafts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.ContactArchived;
import app.rapport.events.interview.InterviewAccepted;
import app.rapport.events.interview.InterviewCancelled;
import app.rapport.events.interview.InterviewDeclined;
import app.rapport.events.interview.InterviewHeld;
import app.rapport.events.interview.InterviewPrepared;
import app.rapport.events.interview.InterviewRequestUnanswered;
import app.rapport.events.interview.InterviewRequested;
import app.rapport.events.interview.InterviewScheduled;
import app.rapport.events.interview.NudgeSent;
import app.rapport.events.interview.ThankYouSent;
import app.rapport.values.Channel;
import app.rapport.values.ContactDetails;
import app.rapport.values.ContactSource;
import app.rapport.values.InterviewChecklist;

/** Test data for drafts: one student, one contact, one interview, and the journal's steps. */
final class JournalSamples {

    static final String OWNER = "sam";
    static final UUID CONTACT = UUID.fromString("00000000-0000-0000-0000-00000000c0de");
    static final UUID INTERVIEW = UUID.fromString("00000000-0000-0000-0000-0000000001a1");
    static final Instant REQUESTED_AT = Instant.parse("2026-03-02T10:00:00Z");
    static final Instant HELD_AT = Instant.parse("2026-03-12T15:00:00Z");
    static final int MINUTES = 25;
    static final String PURPOSE = "how archivists move into digital preservation";
    static final String NOTES = "Volunteer at the county archive; join the regional archivists' society";

    static final Profile PROFILE = new Profile("Sam Rivera", "Northfield University",
            "Library and Information Science", List.of("digital preservation", "community archives"));
    static final Profile BARE_PROFILE = new Profile("Sam Rivera", null, " ", List.of());
    static final ContactDetails MAYA = new ContactDetails("Maya Chen", "City Archives", "Digital Archivist",
            "born-digital records", null, null, "maya@example.org", null, null);

    static final InterviewChecklist CHECKLIST = new InterviewChecklist(true, true, true, true);

    private JournalSamples() {
    }

    static ContactDetails preferring(Channel channel) {
        return new ContactDetails(MAYA.name(), MAYA.organization(), MAYA.role(), MAYA.specialization(), channel,
                null, MAYA.email(), null, null);
    }

    static ContactAdded added(ContactDetails details) {
        return new ContactAdded(CONTACT, OWNER, details, ContactSource.COLD, null, 0, REQUESTED_AT.minusSeconds(86_400));
    }

    static InterviewRequested requested() {
        return new InterviewRequested(CONTACT, OWNER, INTERVIEW, Channel.EMAIL, MINUTES, PURPOSE, "Hello",
                REQUESTED_AT);
    }

    static InterviewAccepted accepted() {
        return new InterviewAccepted(CONTACT, OWNER, INTERVIEW, "Happy to", REQUESTED_AT.plusSeconds(86_400));
    }

    static InterviewDeclined declined() {
        return new InterviewDeclined(CONTACT, OWNER, INTERVIEW, "Too busy", REQUESTED_AT.plusSeconds(86_400));
    }

    static InterviewRequestUnanswered unanswered() {
        return new InterviewRequestUnanswered(CONTACT, OWNER, INTERVIEW, null, REQUESTED_AT.plusSeconds(864_000));
    }

    static InterviewScheduled scheduled() {
        return new InterviewScheduled(CONTACT, OWNER, INTERVIEW, HELD_AT, Channel.VIDEO, "Zoom",
                REQUESTED_AT.plusSeconds(90_000));
    }

    static InterviewPrepared prepared() {
        return new InterviewPrepared(CONTACT, OWNER, INTERVIEW, List.of("How did you start?"), null, false,
                HELD_AT.minusSeconds(172_800));
    }

    static InterviewHeld held(int actualMinutes, String notes, Instant at) {
        return new InterviewHeld(CONTACT, OWNER, INTERVIEW, MINUTES, actualMinutes, notes, CHECKLIST, at);
    }

    static InterviewHeld held() {
        return held(MINUTES, NOTES, HELD_AT);
    }

    static ThankYouSent thanked() {
        return new ThankYouSent(CONTACT, OWNER, INTERVIEW, Channel.EMAIL, "Thank you!", HELD_AT.plusSeconds(7_200));
    }

    static NudgeSent nudged() {
        return new NudgeSent(CONTACT, OWNER, INTERVIEW, Channel.EMAIL, null, REQUESTED_AT.plusSeconds(604_800));
    }

    static InterviewCancelled cancelled() {
        return new InterviewCancelled(CONTACT, OWNER, INTERVIEW, "Conflict", REQUESTED_AT.plusSeconds(100_000));
    }

    static ContactArchived archived() {
        return new ContactArchived(CONTACT, OWNER, HELD_AT.plusSeconds(86_400));
    }

    /** A contact who prefers email, and the given steps after they were added. */
    static ContactFacts contact(Object... steps) {
        return contactWith(MAYA, steps);
    }

    static ContactFacts contactWith(ContactDetails details, Object... steps) {
        List<Object> events = new ArrayList<>();
        events.add(added(details));
        events.addAll(Arrays.asList(steps));
        return ContactFacts.of(CONTACT, events);
    }

    /** The steps of an interview up to being held. */
    static Object[] upToHeld() {
        return new Object[] {requested(), accepted(), scheduled(), prepared(), held()};
    }

    static Object[] upToThanked() {
        return new Object[] {requested(), accepted(), scheduled(), prepared(), held(), thanked()};
    }
}
