package app.rapport.query.contacts;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

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
import app.rapport.platform.PracticeSettings;
import app.rapport.values.Relationship;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The contact list and detail. Each batch of events reads the contacts it names with their
 * interviews once (see {@link ContactsBatch}); each handler skips an event its contact has
 * applied already (by the aggregate's sequence number), changes the rows in memory and re-derives
 * the stage from the contact's interviews and newest follow-up; the batch writes them on commit.
 */
@Component
@ProcessingGroup(ContactsProjection.GROUP)
class ContactsProjection {

    static final String GROUP = "contacts";

    private final JdbcTemplate jdbc;
    private final PracticeSettings practice;

    ContactsProjection(JdbcTemplate jdbc, PracticeSettings practice) {
        this.jdbc = jdbc;
        this.practice = practice;
    }

    @EventHandler
    void on(ContactAdded event, @SequenceNumber long sequence) {
        ContactsBatch batch = batch();
        Contact contact = batch.contact(event.ownerId(), event.contactId()).orElseGet(() ->
                Contact.added(event.contactId(), event.ownerId(), event.source(), event.referredBy(),
                        (int) practice.keepInTouchFor(event.cadenceDays()).toDays(), event.at()));
        if (!contact.alreadyApplied(sequence)) {
            finish(batch, contact.describe(event.details()), sequence);
        }
    }

    @EventHandler
    void on(ContactDetailsChanged event, @SequenceNumber long sequence) {
        change(event.ownerId(), event.contactId(), sequence, (batch, contact) -> contact.describe(event.details()));
    }

    @EventHandler
    void on(FollowUpCadenceSet event, @SequenceNumber long sequence) {
        change(event.ownerId(), event.contactId(), sequence, (batch, contact) -> contact.withCadence(event.days()));
    }

    @EventHandler
    void on(ContactArchived event, @SequenceNumber long sequence) {
        change(event.ownerId(), event.contactId(), sequence, (batch, contact) -> contact.withArchived(true));
    }

    @EventHandler
    void on(ContactRestored event, @SequenceNumber long sequence) {
        change(event.ownerId(), event.contactId(), sequence, (batch, contact) -> contact.withArchived(false));
    }

    /** A follow-up is stored once: its contact's sequence number guards against a repeat. */
    @EventHandler
    void on(FollowUpLogged event, @SequenceNumber long sequence) {
        change(event.ownerId(), event.contactId(), sequence, (batch, contact) -> {
            batch.logged(new ContactFollowUp(event.followUpId(), event.contactId(), event.ownerId(),
                    event.kind(), event.channel(), event.note(), event.at()));
            return contact.followedUp(event.at()).touched(event.at());
        });
    }

    @EventHandler
    void on(JobInquiryMade event, @SequenceNumber long sequence) {
        change(event.ownerId(), event.contactId(), sequence, (batch, contact) -> contact.touched(event.at()));
    }

    @EventHandler
    void on(InterviewRequested event, @SequenceNumber long sequence) {
        change(event.ownerId(), event.contactId(), sequence, (batch, contact) -> {
            if (batch.interview(event.contactId(), event.interviewId()).isEmpty()) {
                batch.requested(ContactInterview.requested(event.interviewId(), event.contactId(), event.ownerId(),
                        event.channel(), event.durationMinutes(), event.purpose(), event.message(), event.at()));
            }
            return contact.touched(event.at());
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
                interview -> interview.answered(InterviewStatus.NO_RESPONSE, event.note(), event.at()));
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
        jdbc.update("DELETE FROM contact_follow_up");
        jdbc.update("DELETE FROM contact_interview");
        jdbc.update("DELETE FROM contact");
    }

    private ContactsBatch batch() {
        return ContactsBatch.of(this, jdbc);
    }

    private void changeInterview(String ownerId, UUID contactId, UUID interviewId, long sequence, Instant touch,
                                 UnaryOperator<ContactInterview> change) {
        change(ownerId, contactId, sequence, (batch, contact) -> {
            batch.interview(contactId, interviewId).map(change).ifPresent(batch::changed);
            return contact.touched(touch);
        });
    }

    private void change(String ownerId, UUID contactId, long sequence,
                        BiFunction<ContactsBatch, Contact, Contact> change) {
        ContactsBatch batch = batch();
        batch.contact(ownerId, contactId)
                .filter(contact -> !contact.alreadyApplied(sequence))
                .ifPresent(contact -> finish(batch, change.apply(batch, contact), sequence));
    }

    /** Re-derives the stage from the contact's interviews as changed, and saves the contact. */
    private void finish(ContactsBatch batch, Contact contact, long sequence) {
        batch.changed(contact.progress(stageOf(contact, batch.interviews(contact.contactId()))).applied(sequence));
    }

    private static Stage stageOf(Contact contact, List<ContactInterview> interviews) {
        if (contact.archived()) {
            return Stage.ARCHIVED;
        }
        Instant firstThanks = interviews.stream().map(ContactInterview::thankedAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        if (firstThanks != null) {
            return Relationship.isEstablishedBy(firstThanks, contact.lastFollowUpAt()) ? Stage.ESTABLISHED
                    : Stage.CONNECTED;
        }
        if (interviews.stream().anyMatch(interview -> interview.status().held())) {
            return Stage.INTERVIEWED;
        }
        if (interviews.stream().anyMatch(interview -> interview.status().onCalendar())) {
            return Stage.SCHEDULED;
        }
        return interviews.isEmpty() ? Stage.NEW : Stage.REQUESTED;
    }
}
