package app.rapport.query.contacts;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

import app.rapport.events.ContactEvent;
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
import app.rapport.platform.PracticeSettings;
import app.rapport.query.support.KeepingInTouch;
import app.rapport.query.support.Rederivation;
import app.rapport.values.Relationship;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The contact list and detail, and the facts its health is judged by ({@link Health}). Each
 * batch of events reads the contacts it names with their interviews and commitments once (see
 * {@link ContactsBatch}); each handler skips an event its contact has
 * applied already (by the aggregate's sequence number), changes the rows in memory, moves the last
 * touch by the one rule of what touches a contact ({@link KeepingInTouch}) and re-derives the stage
 * from the contact's interviews and newest follow-up; the batch writes them on commit. A
 * correction or a retraction re-derives the contact's rows from its amended history through these
 * same handlers ({@link Rederivation}).
 */
@Component
@ProcessingGroup(ContactsProjection.GROUP)
class ContactsProjection {

    static final String GROUP = "contacts";

    private final JdbcTemplate jdbc;
    private final PracticeSettings practice;
    private final Rederivation rederivation;
    private final EventMessageHandler handlers;

    ContactsProjection(JdbcTemplate jdbc, PracticeSettings practice, Rederivation rederivation) {
        this.jdbc = jdbc;
        this.practice = practice;
        this.rederivation = rederivation;
        this.handlers = new AnnotationEventHandlerAdapter(this);
    }

    @EventHandler
    void on(ContactAdded event, @SequenceNumber long sequence) {
        ContactsBatch batch = batch();
        if (batch.isErased(event.contactId())) {
            return;
        }
        Contact contact = batch.contact(event.ownerId(), event.contactId()).orElseGet(() ->
                Contact.added(event.contactId(), event.ownerId(), event.source(), event.referredBy(),
                        (int) practice.keepInTouchFor(event.cadenceDays()).toDays(), event.at()));
        if (!contact.alreadyApplied(sequence)) {
            finish(batch, contact.describe(event.details()), sequence);
        }
    }

    @EventHandler
    void on(ContactDetailsChanged event, @SequenceNumber long sequence) {
        change(event, sequence, (batch, contact) -> contact.describe(event.details()));
    }

    @EventHandler
    void on(FollowUpCadenceSet event, @SequenceNumber long sequence) {
        change(event, sequence, (batch, contact) -> contact.withCadence(event.days()));
    }

    @EventHandler
    void on(ContactArchived event, @SequenceNumber long sequence) {
        change(event, sequence, (batch, contact) -> contact.withArchived(true));
    }

    @EventHandler
    void on(ContactRestored event, @SequenceNumber long sequence) {
        change(event, sequence, (batch, contact) -> contact.withArchived(false));
    }

    /** A follow-up is stored once: its contact's sequence number guards against a repeat. */
    @EventHandler
    void on(FollowUpLogged event, @SequenceNumber long sequence) {
        change(event, sequence, (batch, contact) -> {
            batch.logged(new ContactFollowUp(event.followUpId(), event.contactId(), event.ownerId(),
                    event.kind(), event.channel(), event.note(), event.at()));
            return contact.followedUp(event.at());
        });
    }

    /** Only a touch, which {@link #change} applies to every event. */
    @EventHandler
    void on(JobInquiryMade event, @SequenceNumber long sequence) {
        change(event, sequence, (batch, contact) -> contact);
    }

    @EventHandler
    void on(InterviewRequested event, @SequenceNumber long sequence) {
        change(event, sequence, (batch, contact) -> {
            if (batch.interview(event.contactId(), event.interviewId()).isEmpty()) {
                batch.requested(ContactInterview.requested(event.interviewId(), event.contactId(), event.ownerId(),
                        event.channel(), event.durationMinutes(), event.purpose(), event.message(), event.at()));
            }
            return contact;
        });
    }

    /** Also a late answer, after the request was given up on: the interview goes on from there. */
    @EventHandler
    void on(InterviewAccepted event, @SequenceNumber long sequence) {
        changeInterview(event, event.interviewId(), sequence,
                interview -> interview.answered(InterviewStatus.ACCEPTED, event.note(), event.at()));
    }

    @EventHandler
    void on(InterviewDeclined event, @SequenceNumber long sequence) {
        changeInterview(event, event.interviewId(), sequence,
                interview -> interview.answered(InterviewStatus.DECLINED, event.note(), event.at()));
    }

    @EventHandler
    void on(InterviewRequestUnanswered event, @SequenceNumber long sequence) {
        changeInterview(event, event.interviewId(), sequence,
                interview -> interview.answered(InterviewStatus.NO_RESPONSE, event.note(), event.at()));
    }

    @EventHandler
    void on(NudgeSent event, @SequenceNumber long sequence) {
        changeInterview(event, event.interviewId(), sequence, interview -> interview.nudged(event.at()));
    }

    @EventHandler
    void on(InterviewScheduled event, @SequenceNumber long sequence) {
        changeInterview(event, event.interviewId(), sequence,
                interview -> interview.scheduled(event.scheduledFor(), event.mode(), event.location()));
    }

    @EventHandler
    void on(InterviewPrepared event, @SequenceNumber long sequence) {
        changeInterview(event, event.interviewId(), sequence, interview -> interview.prepared(event.at()));
    }

    @EventHandler
    void on(InterviewHeld event, @SequenceNumber long sequence) {
        changeInterview(event, event.interviewId(), sequence,
                interview -> interview.held(event.at(), event.actualMinutes()));
    }

    @EventHandler
    void on(ThankYouSent event, @SequenceNumber long sequence) {
        changeInterview(event, event.interviewId(), sequence, interview -> interview.thanked(event.at()));
    }

    @EventHandler
    void on(InterviewCancelled event, @SequenceNumber long sequence) {
        changeInterview(event, event.interviewId(), sequence, interview -> interview.cancelled(event.at()));
    }

    /** A promise is a fact health judges; the same commitment made again changes nothing. */
    @EventHandler
    void on(CommitmentMade event, @SequenceNumber long sequence) {
        change(event, sequence, (batch, contact) -> {
            if (batch.commitment(event.contactId(), event.commitmentId()).isEmpty()) {
                batch.changed(ContactCommitment.made(event.contactId(), event.commitmentId(), event.ownerId(),
                        event.dueBy()));
            }
            return contact;
        });
    }

    @EventHandler
    void on(CommitmentKept event, @SequenceNumber long sequence) {
        changeCommitment(event, event.commitmentId(), sequence,
                commitment -> commitment.closed(ContactCommitment.Status.KEPT, event.at()));
    }

    @EventHandler
    void on(CommitmentDropped event, @SequenceNumber long sequence) {
        changeCommitment(event, event.commitmentId(), sequence,
                commitment -> commitment.closed(ContactCommitment.Status.DROPPED, event.at()));
    }

    @EventHandler
    void on(EntryCorrected event, @SequenceNumber long sequence) {
        rederivation.rederive(batch(), handlers, event, sequence);
    }

    @EventHandler
    void on(EntryRetracted event, @SequenceNumber long sequence) {
        rederivation.rederive(batch(), handlers, event, sequence);
    }

    /**
     * Every row of the contact goes, with every personal datum in it; what stays is that it was
     * erased, so the journal as of an earlier moment still folds its stream. The same whatever the
     * earlier events said, so a replay (which reads them as erased placeholders) leaves the same.
     */
    @EventHandler
    void on(ContactErased event, @SequenceNumber long sequence) {
        ContactsBatch batch = batch();
        batch.contact(event.ownerId(), event.contactId())
                .filter(contact -> !contact.alreadyApplied(sequence))
                .ifPresent(contact -> batch.erase(new ErasedContact(contact.contactId(), contact.ownerId(),
                        event.at(), sequence)));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM erased_contact");
        jdbc.update("DELETE FROM contact_commitment");
        jdbc.update("DELETE FROM contact_follow_up");
        jdbc.update("DELETE FROM contact_interview");
        jdbc.update("DELETE FROM contact");
    }

    private ContactsBatch batch() {
        return ContactsBatch.of(this, jdbc);
    }

    private void changeInterview(ContactEvent event, UUID interviewId, long sequence,
                                 UnaryOperator<ContactInterview> change) {
        change(event, sequence, (batch, contact) -> {
            batch.interview(event.contactId(), interviewId).map(change).ifPresent(batch::changed);
            return contact;
        });
    }

    private void changeCommitment(ContactEvent event, UUID commitmentId, long sequence,
                                  UnaryOperator<ContactCommitment> change) {
        change(event, sequence, (batch, contact) -> {
            batch.commitment(event.contactId(), commitmentId).map(change).ifPresent(batch::changed);
            return contact;
        });
    }

    private void change(ContactEvent event, long sequence, BiFunction<ContactsBatch, Contact, Contact> change) {
        ContactsBatch batch = batch();
        batch.contact(event.ownerId(), event.contactId())
                .filter(contact -> !contact.alreadyApplied(sequence))
                .ifPresent(contact -> finish(batch, change.apply(batch, contact).touchedBy(event), sequence));
    }

    /** Re-derives the stage and the next touch owed from the contact's interviews as changed, and saves the contact. */
    private void finish(ContactsBatch batch, Contact contact, long sequence) {
        List<ContactInterview> interviews = batch.interviews(contact.contactId());
        boolean thanked = interviews.stream().anyMatch(interview -> interview.thankedAt() != null);
        Instant due = KeepingInTouch.nextTouchDue(thanked, contact.archived(), contact.lastTouchAt(), contact.cadence());
        batch.changed(contact.progress(stageOf(contact, interviews), due).applied(sequence));
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
