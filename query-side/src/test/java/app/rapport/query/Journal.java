package app.rapport.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
import app.rapport.events.networker.MentorAccessGranted;
import app.rapport.events.networker.MentorAccessRevoked;
import app.rapport.events.networker.ProfileSet;
import app.rapport.events.networker.WebhookRegistered;
import app.rapport.values.Channel;
import app.rapport.values.ContactDetails;
import app.rapport.values.ContactSource;
import app.rapport.values.Provenance;
import app.rapport.values.EntryChanges;
import app.rapport.values.FollowUpKind;
import app.rapport.values.InterviewChecklist;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

/**
 * Test data: one networker's journal, written into the event store the way the command side
 * writes it (aggregate type and id, sequence numbers, actor and correlation id in the metadata).
 * Every append returns the event's global index, which is what a command answers as position.
 */
public class Journal {

    public static final InterviewChecklist FULL_CHECKLIST = new InterviewChecklist(true, true, true, true);

    private final QueryIntegrationTest test;
    private final String owner;
    private long networkerSequence;

    Journal(QueryIntegrationTest test, String owner) {
        this.test = test;
        this.owner = owner;
    }

    public String owner() {
        return owner;
    }

    public ContactStream contact(String name, String organization, String specialization, ContactSource source,
                                 Channel preferredChannel, Instant at) {
        ContactStream stream = new ContactStream(UUID.randomUUID());
        stream.append(new ContactAdded(stream.id, owner, details(name, organization, specialization, preferredChannel),
                source, null, 0, at), at);
        return stream;
    }

    public ContactStream contact(String name, Instant at) {
        return contact(name, "City Archives", "archives", ContactSource.COLD, Channel.EMAIL, at);
    }

    /** A contact who prefers to be met by this channel at this place (either may be null). */
    public ContactStream contactPreferring(String name, Channel channel, String location, Instant at) {
        ContactStream stream = new ContactStream(UUID.randomUUID());
        stream.append(new ContactAdded(stream.id, owner, new ContactDetails(name, "City Archives", "Archivist",
                "archives", channel, location, null, null, null), ContactSource.COLD, null, 0, at), at);
        return stream;
    }

    /** A contact that came from an import, as its first event says. */
    public ContactStream importedContact(String name, Provenance provenance, Instant at) {
        ContactStream stream = new ContactStream(UUID.randomUUID());
        stream.append(new ContactAdded(stream.id, owner, details(name, "City Archives", "archives", Channel.EMAIL),
                ContactSource.SOCIAL, null, 0, at, provenance), at);
        return stream;
    }

    public long grant(String mentor, Instant at) {
        return appendNetworker(new MentorAccessGranted(owner, mentor, at), at);
    }

    public long revoke(String mentor, Instant at) {
        return appendNetworker(new MentorAccessRevoked(owner, mentor, at), at);
    }

    public long profile(String displayName, String school, String program, List<String> interests, Instant at) {
        return appendNetworker(new ProfileSet(owner, displayName, school, program, interests, at), at);
    }

    public long webhook(String name, String url, String secret, Instant at) {
        return appendNetworker(new WebhookRegistered(owner, name, url, List.of(), secret, at), at);
    }

    /**
     * Erases the account as the command side does, after every contact of it: the networker's key
     * goes in the same transaction as the event is appended.
     */
    public long eraseAccount(Instant at) {
        return test.transaction.execute(status -> {
            test.erasures.eraseNetworker(owner, at);
            return appendNetworker(new AccountErased(owner, at), at);
        });
    }

    private long appendNetworker(Object payload, Instant recordedAt) {
        return append("Networker", owner, networkerSequence++, payload, recordedAt);
    }

    static ContactDetails details(String name, String organization, String specialization, Channel preferred) {
        return new ContactDetails(name, organization, "Archivist", specialization, preferred, null,
                null, null, null);
    }

    long append(String type, String aggregateId, long sequence, Object payload, Instant recordedAt) {
        return append(type, aggregateId, sequence, payload, recordedAt, UUID.randomUUID().toString());
    }

    long append(String type, String aggregateId, long sequence, Object payload, Instant recordedAt, String eventId) {
        test.transaction.executeWithoutResult(status -> test.eventStore.publish(new GenericDomainEventMessage<>(
                type, aggregateId, sequence, payload,
                MetaData.with("actor", owner).and("correlationId", UUID.randomUUID().toString()),
                eventId, recordedAt)));
        return test.jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?",
                Long.class, eventId);
    }

    /** One contact's stream; each method appends one event, recorded at its {@code at} unless told. */
    public class ContactStream {

        public final UUID id;
        private long sequence;
        private long lastPosition;
        private String lastEventId;
        private UUID lastFollowUpId;

        ContactStream(UUID id) {
            this.id = id;
        }

        public long position() {
            return lastPosition;
        }

        public String owner() {
            return owner;
        }

        public ContactStream append(Object payload, Instant recordedAt) {
            lastEventId = UUID.randomUUID().toString();
            lastPosition = Journal.this.append("Contact", id.toString(), sequence++, payload, recordedAt, lastEventId);
            return this;
        }

        /** The identifier of the event appended last: the {@code entryId} a correction or retraction names. */
        public String lastEventId() {
            return lastEventId;
        }

        /** The follow-up logged last. */
        public UUID lastFollowUpId() {
            return lastFollowUpId;
        }

        public UUID request(Channel channel, int minutes, String purpose, Instant at) {
            UUID interview = UUID.randomUUID();
            append(new InterviewRequested(id, owner, interview, channel, minutes, purpose, "Hello", at), at);
            return interview;
        }

        public ContactStream accept(UUID interview, Instant at) {
            return append(new InterviewAccepted(id, owner, interview, "Happy to", at), at);
        }

        public ContactStream decline(UUID interview, Instant at) {
            return append(new InterviewDeclined(id, owner, interview, "Too busy", at), at);
        }

        public ContactStream unanswered(UUID interview, Instant at) {
            return append(new InterviewRequestUnanswered(id, owner, interview, "No answer", at), at);
        }

        public ContactStream schedule(UUID interview, Instant scheduledFor, Instant at) {
            return append(new InterviewScheduled(id, owner, interview, scheduledFor, Channel.VIDEO, "Zoom", at), at);
        }

        public ContactStream schedule(UUID interview, Instant scheduledFor, Channel mode, String location, Instant at) {
            return append(new InterviewScheduled(id, owner, interview, scheduledFor, mode, location, at), at);
        }

        public ContactStream nudge(UUID interview, Instant at) {
            return append(new NudgeSent(id, owner, interview, Channel.EMAIL, "Just bringing this back up", at), at);
        }

        /** Corrects the entry whose event is {@code entryId}, recorded at the correction's {@code at}. */
        public ContactStream correct(String entryId, Class<?> entryType, UUID interview, UUID followUp,
                                     EntryChanges changes, String reason, Instant at) {
            return append(new EntryCorrected(id, owner, entryId, entryType.getSimpleName(), interview, followUp,
                    changes, reason, at), at);
        }

        /** Retracts the entry whose event is {@code entryId}, recorded at the retraction's {@code at}. */
        public ContactStream retract(String entryId, Class<?> entryType, UUID interview, UUID followUp,
                                     String reason, Instant at) {
            return append(new EntryRetracted(id, owner, entryId, entryType.getSimpleName(), interview, followUp,
                    reason, at), at);
        }

        /** Records that this contact referred a new person, and adds that person as a contact of their own. */
        public ContactStream referral(String name, Instant at) {
            ContactStream referred = new ContactStream(UUID.randomUUID());
            append(new ReferralReceived(id, owner, referred.id, name, at), at);
            referred.append(new ContactAdded(referred.id, owner, details(name, "Elsewhere", "records", Channel.PHONE),
                    ContactSource.REFERRAL, id, 0, at), at);
            return referred;
        }

        public ContactStream prepare(UUID interview, Instant at) {
            return append(new InterviewPrepared(id, owner, interview, List.of("How did you start?"), "Read the blog",
                    true, at), at);
        }

        public ContactStream hold(UUID interview, int agreed, int actual, Instant heldAt) {
            return append(new InterviewHeld(id, owner, interview, agreed, actual, "Good talk", FULL_CHECKLIST, heldAt),
                    heldAt);
        }

        public ContactStream thank(UUID interview, Instant at) {
            return append(new ThankYouSent(id, owner, interview, Channel.EMAIL, "Thank you!", at), at);
        }

        public ContactStream cancel(UUID interview, Instant at) {
            return append(new InterviewCancelled(id, owner, interview, "Conflict", at), at);
        }

        public ContactStream followUp(Instant at) {
            lastFollowUpId = UUID.randomUUID();
            return append(new FollowUpLogged(id, owner, lastFollowUpId, FollowUpKind.CONGRATULATIONS,
                    Channel.EMAIL, "Congrats on the award", at), at);
        }

        public ContactStream jobInquiry(boolean early, Instant at) {
            return append(new JobInquiryMade(id, owner, null, "Any openings?", early, at), at);
        }

        public ContactStream cadence(int days, Instant at) {
            return append(new FollowUpCadenceSet(id, owner, days, at), at);
        }

        public ContactStream rename(String name, String organization, Instant at) {
            return append(new ContactDetailsChanged(id, owner, details(name, organization, "archives", Channel.EMAIL),
                    at), at);
        }

        public ContactStream archive(Instant at) {
            return append(new ContactArchived(id, owner, at), at);
        }

        public ContactStream restore(Instant at) {
            return append(new ContactRestored(id, owner, at), at);
        }

        /**
         * Forgets the contact as the command side does: its key is deleted and listed as erased in
         * the transaction that appends {@link ContactErased}.
         */
        public ContactStream erase(String reason, Instant at) {
            lastEventId = UUID.randomUUID().toString();
            String eventId = lastEventId;
            long erasure = sequence++;
            test.transaction.executeWithoutResult(status -> {
                test.erasures.eraseContact(id, owner, at);
                test.eventStore.publish(new GenericDomainEventMessage<>("Contact", id.toString(), erasure,
                        new ContactErased(id, owner, reason, at),
                        MetaData.with("actor", owner).and("correlationId", UUID.randomUUID().toString()),
                        eventId, at));
            });
            lastPosition = test.jdbc.queryForObject(
                    "SELECT global_index FROM domain_event_entry WHERE event_identifier = ?", Long.class, eventId);
            return this;
        }
    }
}
