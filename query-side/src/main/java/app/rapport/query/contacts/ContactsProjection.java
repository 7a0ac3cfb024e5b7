package app.rapport.query.contacts;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.ContactArchived;
import app.rapport.events.contact.ContactDetailsChanged;
import app.rapport.events.contact.ContactRestored;
import app.rapport.events.contact.FollowUpCadenceSet;
import app.rapport.events.contact.FollowUpLogged;
import app.rapport.events.contact.JobInquiryMade;
import app.rapport.events.interview.InterviewAccepted;
import app.rapport.events.interview.InterviewCancelled;
import app.rapport.events.interview.InterviewDeclined;
import app.rapport.events.interview.InterviewHeld;
import app.rapport.events.interview.InterviewPrepared;
import app.rapport.events.interview.InterviewRequestUnanswered;
import app.rapport.events.interview.InterviewRequested;
import app.rapport.events.interview.InterviewScheduled;
import app.rapport.events.interview.ThankYouSent;
import app.rapport.query.followup.FollowUpProperties;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * The contact list and detail. Each handler loads the contact, skips an event it has applied
 * already (by the aggregate's sequence number), changes the rows, re-derives the stage from the
 * contact's interviews and follow-ups, and saves.
 */
@Component
@ProcessingGroup(ContactsProjection.GROUP)
class ContactsProjection {

    static final String GROUP = "contacts";

    private final ContactRepository contacts;
    private final ContactInterviewRepository interviews;
    private final ContactFollowUpRepository followUps;
    private final FollowUpProperties followUpProperties;

    ContactsProjection(ContactRepository contacts, ContactInterviewRepository interviews,
                       ContactFollowUpRepository followUps, FollowUpProperties followUpProperties) {
        this.contacts = contacts;
        this.interviews = interviews;
        this.followUps = followUps;
        this.followUpProperties = followUpProperties;
    }

    @EventHandler
    void on(ContactAdded event, @SequenceNumber long sequence) {
        Contact contact = contacts.findByOwnerIdAndContactId(event.ownerId(), event.contactId())
                .orElseGet(() -> new Contact(event.contactId(), event.ownerId(), event.source(), event.referredBy(),
                        followUpProperties.cadenceOr(event.cadenceDays()), event.at()));
        if (contact.alreadyApplied(sequence)) {
            return;
        }
        contact.describe(event.details());
        finish(contact, sequence);
    }

    @EventHandler
    void on(ContactDetailsChanged event, @SequenceNumber long sequence) {
        change(event.ownerId(), event.contactId(), sequence, contact -> contact.describe(event.details()));
    }

    @EventHandler
    void on(FollowUpCadenceSet event, @SequenceNumber long sequence) {
        change(event.ownerId(), event.contactId(), sequence, contact -> contact.cadence(event.days()));
    }

    @EventHandler
    void on(ContactArchived event, @SequenceNumber long sequence) {
        change(event.ownerId(), event.contactId(), sequence, contact -> contact.archived(true));
    }

    @EventHandler
    void on(ContactRestored event, @SequenceNumber long sequence) {
        change(event.ownerId(), event.contactId(), sequence, contact -> contact.archived(false));
    }

    @EventHandler
    void on(FollowUpLogged event, @SequenceNumber long sequence) {
        change(event.ownerId(), event.contactId(), sequence, contact -> {
            if (followUps.findByOwnerIdAndFollowUpId(event.ownerId(), event.followUpId()).isEmpty()) {
                followUps.save(new ContactFollowUp(event.followUpId(), event.contactId(), event.ownerId(),
                        event.kind(), event.channel(), event.note(), event.at()));
            }
            contact.touched(event.at());
        });
    }

    @EventHandler
    void on(JobInquiryMade event, @SequenceNumber long sequence) {
        change(event.ownerId(), event.contactId(), sequence, contact -> contact.touched(event.at()));
    }

    @EventHandler
    void on(InterviewRequested event, @SequenceNumber long sequence) {
        change(event.ownerId(), event.contactId(), sequence, contact -> {
            if (interviews.findByOwnerIdAndInterviewId(event.ownerId(), event.interviewId()).isEmpty()) {
                interviews.save(new ContactInterview(event.interviewId(), event.contactId(), event.ownerId(),
                        event.channel(), event.durationMinutes(), event.purpose(), event.message(), event.at()));
            }
            contact.touched(event.at());
        });
    }

    @EventHandler
    void on(InterviewAccepted event, @SequenceNumber long sequence) {
        changeInterview(event.ownerId(), event.contactId(), event.interviewId(), sequence, event.at(),
                interview -> interview.answered(InterviewStatus.ACCEPTED, event.note(), event.at()));
    }

    @EventHandler
    void on(InterviewDeclined event, @SequenceNumber long sequence) {
        changeInterview(event.ownerId(), event.contactId(), event.interviewId(), sequence, event.at(),
                interview -> interview.answered(InterviewStatus.DECLINED, event.note(), event.at()));
    }

    /** Giving up on an answer is the networker's decision, not an interaction: no touch. */
    @EventHandler
    void on(InterviewRequestUnanswered event, @SequenceNumber long sequence) {
        changeInterview(event.ownerId(), event.contactId(), event.interviewId(), sequence, null,
                interview -> interview.answered(InterviewStatus.UNANSWERED, event.note(), event.at()));
    }

    @EventHandler
    void on(InterviewScheduled event, @SequenceNumber long sequence) {
        changeInterview(event.ownerId(), event.contactId(), event.interviewId(), sequence, null,
                interview -> interview.scheduled(event.scheduledFor(), event.mode(), event.location()));
    }

    @EventHandler
    void on(InterviewPrepared event, @SequenceNumber long sequence) {
        changeInterview(event.ownerId(), event.contactId(), event.interviewId(), sequence, null,
                interview -> interview.prepared(event.at()));
    }

    @EventHandler
    void on(InterviewHeld event, @SequenceNumber long sequence) {
        changeInterview(event.ownerId(), event.contactId(), event.interviewId(), sequence, event.at(),
                interview -> interview.held(event.at(), event.actualMinutes()));
    }

    @EventHandler
    void on(ThankYouSent event, @SequenceNumber long sequence) {
        changeInterview(event.ownerId(), event.contactId(), event.interviewId(), sequence, event.at(),
                interview -> interview.thanked(event.at()));
    }

    @EventHandler
    void on(InterviewCancelled event, @SequenceNumber long sequence) {
        changeInterview(event.ownerId(), event.contactId(), event.interviewId(), sequence, null,
                interview -> interview.cancelled(event.at()));
    }

    @ResetHandler
    void reset() {
        followUps.deleteAllInBatch();
        interviews.deleteAllInBatch();
        contacts.deleteAllInBatch();
    }

    private void changeInterview(String ownerId, UUID contactId, UUID interviewId, long sequence, Instant touch,
                                 Consumer<ContactInterview> change) {
        change(ownerId, contactId, sequence, contact -> {
            interviews.findByOwnerIdAndInterviewId(ownerId, interviewId).ifPresent(interview -> {
                change.accept(interview);
                interviews.save(interview);
            });
            contact.touched(touch);
        });
    }

    private void change(String ownerId, UUID contactId, long sequence, Consumer<Contact> change) {
        contacts.findByOwnerIdAndContactId(ownerId, contactId)
                .filter(contact -> !contact.alreadyApplied(sequence))
                .ifPresent(contact -> {
                    change.accept(contact);
                    finish(contact, sequence);
                });
    }

    private void finish(Contact contact, long sequence) {
        contact.progress(stageOf(contact));
        contact.applied(sequence);
        contacts.save(contact);
    }

    private Stage stageOf(Contact contact) {
        if (contact.archived()) {
            return Stage.ARCHIVED;
        }
        List<ContactInterview> all =
                interviews.findByOwnerIdAndContactIdOrderByRequestedAtAscInterviewIdAsc(contact.ownerId(), contact.contactId());
        Instant firstThanks = all.stream().map(ContactInterview::thankedAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        if (firstThanks != null) {
            boolean followedUpSince = followUps
                    .findByOwnerIdAndContactIdOrderByAtAscFollowUpIdAsc(contact.ownerId(), contact.contactId())
                    .stream().anyMatch(followUp -> !followUp.at().isBefore(firstThanks));
            return followedUpSince ? Stage.ESTABLISHED : Stage.CONNECTED;
        }
        if (all.stream().anyMatch(interview -> interview.status().held())) {
            return Stage.INTERVIEWED;
        }
        if (all.stream().anyMatch(interview -> interview.status().onCalendar())) {
            return Stage.SCHEDULED;
        }
        return all.isEmpty() ? Stage.NEW : Stage.REQUESTED;
    }
}
