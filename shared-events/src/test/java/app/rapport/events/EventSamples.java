package app.rapport.events;

import app.rapport.events.commitment.CommitmentDropped;
import app.rapport.events.commitment.CommitmentKept;
import app.rapport.events.commitment.CommitmentMade;
import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.ContactArchived;
import app.rapport.events.contact.ContactDetailsChanged;
import app.rapport.events.contact.ContactErased;
import app.rapport.events.contact.ContactRestored;
import app.rapport.events.contact.EntryCorrected;
import app.rapport.events.contact.EntryRetracted;
import app.rapport.events.contact.FollowUpCadenceSet;
import app.rapport.events.contact.FollowUpLogged;
import app.rapport.events.contact.JobInquiryMade;
import app.rapport.events.contact.ReferralLinked;
import app.rapport.events.contact.ReferralReceived;
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
import app.rapport.events.networker.AccountErased;
import app.rapport.events.networker.CalendarFeedCreated;
import app.rapport.events.networker.CalendarFeedRevoked;
import app.rapport.events.networker.MentorAccessGranted;
import app.rapport.events.networker.MentorAccessRevoked;
import app.rapport.events.networker.ProfileSet;
import app.rapport.events.networker.WebhookRegistered;
import app.rapport.events.networker.WebhookRemoved;
import app.rapport.values.Channel;
import app.rapport.values.ContactDetails;
import app.rapport.values.ContactSource;
import app.rapport.values.EntryChanges;
import app.rapport.values.FollowUpKind;
import app.rapport.values.InterviewChecklist;
import app.rapport.values.Provenance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One fully populated instance of every event, so that no field escapes the round trip. */
final class EventSamples {

    static final UUID CONTACT_ID = UUID.fromString("6f1d2c7e-0000-4000-8000-000000000001");
    static final UUID REFERRED_CONTACT_ID = UUID.fromString("6f1d2c7e-0000-4000-8000-000000000002");
    static final UUID INTERVIEW_ID = UUID.fromString("6f1d2c7e-0000-4000-8000-000000000003");
    static final UUID FOLLOW_UP_ID = UUID.fromString("6f1d2c7e-0000-4000-8000-000000000004");
    static final UUID INQUIRY_ID = UUID.fromString("6f1d2c7e-0000-4000-8000-000000000005");
    static final UUID COMMITMENT_ID = UUID.fromString("6f1d2c7e-0000-4000-8000-000000000006");
    static final String OWNER = "ada";
    static final String MENTOR = "grace";
    // sub-second precision on purpose: a serializer that truncates would break equality
    static final Instant AT = Instant.parse("2026-03-04T15:00:00.123456Z");
    static final Instant SCHEDULED_FOR = Instant.parse("2026-03-11T16:30:00Z");
    static final ContactDetails DETAILS = new ContactDetails(
            "Lin Chen", "Harbour Labs", "Data Engineer", "data platforms", Channel.VIDEO,
            "Café Nord", "lin@example.org", "+1 555 0100", "met at the spring career fair",
            "https://www.linkedin.com/in/lin-chen-data");
    static final InterviewChecklist CHECKLIST = new InterviewChecklist(true, true, false, true);

    private EventSamples() {
    }

    static List<Object> all() {
        return List.of(
                new ContactAdded(CONTACT_ID, OWNER, DETAILS, ContactSource.REFERRAL, REFERRED_CONTACT_ID, 60, AT,
                        new Provenance(INQUIRY_ID, "linkedin", 17)),
                new ContactDetailsChanged(CONTACT_ID, OWNER, DETAILS, AT),
                new FollowUpCadenceSet(CONTACT_ID, OWNER, 30, AT),
                new ContactArchived(CONTACT_ID, OWNER, AT),
                new ContactRestored(CONTACT_ID, OWNER, AT),
                new ContactErased(CONTACT_ID, OWNER, "she asked to be forgotten", AT),
                new ReferralReceived(CONTACT_ID, OWNER, REFERRED_CONTACT_ID, "Sam Okafor", AT),
                new ReferralLinked(CONTACT_ID, OWNER, REFERRED_CONTACT_ID, AT),
                new FollowUpLogged(CONTACT_ID, OWNER, FOLLOW_UP_ID, FollowUpKind.ADVICE_TAKEN,
                        Channel.SOCIAL_MESSAGE, "took the course she suggested", AT, List.of(COMMITMENT_ID)),
                new JobInquiryMade(CONTACT_ID, OWNER, INQUIRY_ID, "asked about the summer internship", true, AT),
                new InterviewRequested(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, 25,
                        "what a data engineer's week looks like", "Hello Lin, ...", AT),
                new InterviewAccepted(CONTACT_ID, OWNER, INTERVIEW_ID, "happy to", AT),
                new InterviewDeclined(CONTACT_ID, OWNER, INTERVIEW_ID, "too busy this quarter", AT),
                new InterviewRequestUnanswered(CONTACT_ID, OWNER, INTERVIEW_ID, "no answer after a nudge", AT),
                new InterviewScheduled(CONTACT_ID, OWNER, INTERVIEW_ID, SCHEDULED_FOR, Channel.IN_PERSON,
                        "Café Nord", AT, false),
                new InterviewPrepared(CONTACT_ID, OWNER, INTERVIEW_ID,
                        List.of("How did you start?", "What surprised you?"), "read her blog", true, AT),
                new InterviewHeld(CONTACT_ID, OWNER, INTERVIEW_ID, 25, 32, "ran over", CHECKLIST, AT),
                new ThankYouSent(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, "thanks for the time", AT),
                new InterviewCancelled(CONTACT_ID, OWNER, INTERVIEW_ID, "she changed jobs", AT),
                new NudgeSent(CONTACT_ID, OWNER, INTERVIEW_ID, Channel.EMAIL, "just bringing this back up", AT),
                new EntryCorrected(CONTACT_ID, OWNER, "0b8e7a3c-5d1f-4e2a-9c6b-7f0d1e2a3b4c", "InterviewHeld",
                        INTERVIEW_ID, null, new EntryChanges(AT, AT, 28, "she runs the data team", "ran over a bit",
                                Channel.VIDEO), "logged the wrong afternoon", AT),
                new EntryRetracted(CONTACT_ID, OWNER, "1c9f8b4d-6e2a-4f3b-8d7c-8a1e2f3b4c5d", "FollowUpLogged",
                        null, FOLLOW_UP_ID, "logged on the wrong contact", AT),
                new CommitmentMade(CONTACT_ID, OWNER, COMMITMENT_ID, INTERVIEW_ID, "send her the article on lineage",
                        SCHEDULED_FOR, AT),
                new CommitmentKept(CONTACT_ID, OWNER, COMMITMENT_ID, FOLLOW_UP_ID, "sent it with a summary", AT),
                new CommitmentDropped(CONTACT_ID, OWNER, COMMITMENT_ID, "she found it herself", AT),
                new ProfileSet(OWNER, "Ada L.", "Northfield College", "Statistics",
                        List.of("data engineering", "public health"), AT),
                new MentorAccessGranted(OWNER, MENTOR, AT),
                new MentorAccessRevoked(OWNER, MENTOR, AT),
                new CalendarFeedCreated(OWNER, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", AT),
                new CalendarFeedRevoked(OWNER, AT),
                new WebhookRegistered(OWNER, "crm", "https://hooks.example.org/rapport", List.of("ContactAdded"),
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", AT),
                new WebhookRemoved(OWNER, "crm", AT),
                new AccountErased(OWNER, AT));
    }
}
