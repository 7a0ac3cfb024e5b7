package app.rapport.query.followup;

import java.time.Instant;
import java.util.UUID;
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
import app.rapport.query.support.EventSubject;
import app.rapport.query.support.KeepingInTouch;
import app.rapport.query.support.Rederivation;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Follow-ups as deadlines: events open them (a request opens a nudge, a held interview a
 * thank-you) and close them (the answer or the nudge, the thank-you, a cancellation, archiving).
 * Whether a deadline has passed is not stored: the query compares due dates with its asOf, so no
 * scheduler is needed. Events at or below the contact's last applied sequence number change
 * nothing. Every event moves the last touch by the one rule of keeping in touch
 * ({@link KeepingInTouch}). A correction or a retraction re-derives the contact's deadlines from
 * its amended history through these same handlers ({@link Rederivation}): a retracted thank-you
 * reopens the thank-you, a corrected hold moves it. Rows are read, changed and written per batch
 * of events ({@link FollowUpsBatch}).
 */
@Component
@ProcessingGroup(FollowUpsProjection.GROUP)
class FollowUpsProjection {

    static final String GROUP = "followups";

    private final JdbcTemplate jdbc;
    private final PracticeSettings practice;
    private final Rederivation rederivation;
    private final EventMessageHandler handlers;

    FollowUpsProjection(JdbcTemplate jdbc, PracticeSettings practice, Rederivation rederivation) {
        this.jdbc = jdbc;
        this.practice = practice;
        this.rederivation = rederivation;
        this.handlers = new AnnotationEventHandlerAdapter(this);
    }

    @EventHandler
    void on(ContactAdded event, @SequenceNumber long sequence) {
        DueContact contact = batch().contact(event.ownerId(), event.contactId())
                .orElseGet(() -> DueContact.added(event.contactId(), event.ownerId(),
                        event.details() == null ? null : event.details().name(),
                        event.cadenceDays() > 0 ? event.cadenceDays() : null));
        if (!contact.alreadyApplied(sequence)) {
            batch().changed(contact.applied(sequence));
        }
    }

    @EventHandler
    void on(ContactDetailsChanged event, @SequenceNumber long sequence) {
        change(event, sequence, contact -> contact.renamed(event.details() == null ? null : event.details().name()));
    }

    @EventHandler
    void on(FollowUpCadenceSet event, @SequenceNumber long sequence) {
        change(event, sequence, contact -> contact.withCadence(event.days()));
    }

    @EventHandler
    void on(InterviewRequested event, @SequenceNumber long sequence) {
        change(event, sequence, contact -> {
            batch().save(interviewItem(contact, event.interviewId(), DueKind.RESPONSE_NUDGE)
                    .open(event.at().plus(practice.nudgeAfter())));
            return contact;
        });
    }

    /** Also a late answer, after the request was given up on: nothing is left to nudge either way. */
    @EventHandler
    void on(InterviewAccepted event, @SequenceNumber long sequence) {
        closeNudge(event, event.interviewId(), sequence);
    }

    @EventHandler
    void on(InterviewDeclined event, @SequenceNumber long sequence) {
        closeNudge(event, event.interviewId(), sequence);
    }

    /** The networker gave up: nothing to nudge any more. */
    @EventHandler
    void on(InterviewRequestUnanswered event, @SequenceNumber long sequence) {
        closeNudge(event, event.interviewId(), sequence);
    }

    /** The one nudge a request deserves was sent. */
    @EventHandler
    void on(NudgeSent event, @SequenceNumber long sequence) {
        closeNudge(event, event.interviewId(), sequence);
    }

    /** Re-scheduling moves the deadline but keeps it closed once prepared. */
    @EventHandler
    void on(InterviewScheduled event, @SequenceNumber long sequence) {
        change(event, sequence, contact -> {
            Instant due = event.scheduledFor().minus(practice.prepareBefore());
            String id = DueItem.idOf(DueKind.PREPARE, event.interviewId());
            batch().save(batch().item(contact.ownerId(), id)
                    .map(item -> item.moveTo(due))
                    .orElseGet(() -> DueItem.forInterview(contact.ownerId(), contact.contactId(),
                            event.interviewId(), DueKind.PREPARE, due).open(due)));
            return contact;
        });
    }

    @EventHandler
    void on(InterviewPrepared event, @SequenceNumber long sequence) {
        change(event, sequence, contact -> {
            close(contact, event.interviewId(), DueKind.PREPARE, event.at());
            return contact;
        });
    }

    @EventHandler
    void on(InterviewHeld event, @SequenceNumber long sequence) {
        change(event, sequence, contact -> {
            close(contact, event.interviewId(), DueKind.PREPARE, event.at());
            batch().save(interviewItem(contact, event.interviewId(), DueKind.THANK_YOU)
                    .open(event.at().plus(practice.thankYouWithin())));
            return contact;
        });
    }

    @EventHandler
    void on(ThankYouSent event, @SequenceNumber long sequence) {
        change(event, sequence, contact -> {
            close(contact, event.interviewId(), DueKind.THANK_YOU, event.at());
            return contact.asConnected();
        });
    }

    @EventHandler
    void on(InterviewCancelled event, @SequenceNumber long sequence) {
        change(event, sequence, contact -> {
            for (DueKind kind : new DueKind[] {DueKind.RESPONSE_NUDGE, DueKind.PREPARE, DueKind.THANK_YOU}) {
                batch().item(contact.ownerId(), DueItem.idOf(kind, event.interviewId()))
                        .ifPresent(item -> batch().save(item.close()));
            }
            return contact;
        });
    }

    /** Only a touch, which {@link #change} applies to every event; so is a job inquiry. */
    @EventHandler
    void on(FollowUpLogged event, @SequenceNumber long sequence) {
        change(event, sequence, contact -> contact);
    }

    @EventHandler
    void on(JobInquiryMade event, @SequenceNumber long sequence) {
        change(event, sequence, contact -> contact);
    }

    @EventHandler
    void on(ContactArchived event, @SequenceNumber long sequence) {
        change(event, sequence, contact -> {
            batch().itemsOf(contact.contactId()).forEach(item -> batch().save(item.close()));
            return contact.withArchived(true);
        });
    }

    /**
     * Keeping in touch comes back, and so do the promises still open (kept and dropped ones left no
     * item): the interview deadlines of an archived contact stay closed.
     */
    @EventHandler
    void on(ContactRestored event, @SequenceNumber long sequence) {
        change(event, sequence, contact -> {
            batch().itemsOf(contact.contactId()).stream()
                    .filter(item -> item.kind() == DueKind.COMMITMENT)
                    .forEach(item -> batch().save(item.open(item.dueAt())));
            return contact.withArchived(false);
        });
    }

    /** A promise with a date is due by it; one without is never overdue. Not a touch: the exchange it came from is. */
    @EventHandler
    void on(CommitmentMade event, @SequenceNumber long sequence) {
        change(event, sequence, contact -> {
            if (event.dueBy() != null) {
                batch().save(DueItem.forCommitment(contact.ownerId(), contact.contactId(), event.commitmentId(),
                        event.interviewId(), event.dueBy()).open(event.dueBy()));
            }
            return contact;
        });
    }

    /**
     * Nothing is due any more. Kept by a follow-up, the follow-up was the touch; kept on its own, it
     * is not one ({@link KeepingInTouch}).
     */
    @EventHandler
    void on(CommitmentKept event, @SequenceNumber long sequence) {
        settle(event, event.commitmentId(), sequence);
    }

    @EventHandler
    void on(CommitmentDropped event, @SequenceNumber long sequence) {
        settle(event, event.commitmentId(), sequence);
    }

    @EventHandler
    void on(EntryCorrected event, @SequenceNumber long sequence) {
        rederivation.rederive(batch(), handlers, event, sequence);
    }

    @EventHandler
    void on(EntryRetracted event, @SequenceNumber long sequence) {
        rederivation.rederive(batch(), handlers, event, sequence);
    }

    /** A forgotten contact is owed nothing: its deadlines and its name go. */
    @EventHandler
    void on(ContactErased event, @SequenceNumber long sequence) {
        batch().contact(event.ownerId(), event.contactId())
                .filter(contact -> !contact.alreadyApplied(sequence))
                .ifPresent(contact -> batch().forget(new EventSubject(event.ownerId(), event.contactId())));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM due_item");
        jdbc.update("DELETE FROM due_contact");
    }

    private FollowUpsBatch batch() {
        return FollowUpsBatch.of(this, jdbc);
    }

    private void settle(ContactEvent event, UUID commitmentId, long sequence) {
        change(event, sequence, contact -> {
            batch().item(contact.ownerId(), DueItem.idOf(DueKind.COMMITMENT, commitmentId))
                    .ifPresent(item -> batch().remove(item));
            return contact;
        });
    }

    private void closeNudge(ContactEvent event, UUID interviewId, long sequence) {
        change(event, sequence, contact -> {
            close(contact, interviewId, DueKind.RESPONSE_NUDGE, event.at());
            return contact;
        });
    }

    /** Loads the contact, skips a repeat, applies the change and the touch, re-derives keeping in touch, saves. */
    private void change(ContactEvent event, long sequence, UnaryOperator<DueContact> change) {
        batch().contact(event.ownerId(), event.contactId())
                .filter(contact -> !contact.alreadyApplied(sequence))
                .ifPresent(contact -> {
                    DueContact changed = change.apply(contact).touchedBy(event);
                    keepInTouch(changed);
                    batch().changed(changed.applied(sequence));
                });
    }

    private void keepInTouch(DueContact contact) {
        String id = DueItem.idOf(DueKind.KEEP_IN_TOUCH, contact.contactId());
        Instant due = contact.nextTouchDue(practice);
        if (due != null) {
            batch().save(batch().item(contact.ownerId(), id)
                    .orElseGet(() -> DueItem.forContact(contact.ownerId(), contact.contactId(), DueKind.KEEP_IN_TOUCH, due))
                    .open(due));
        } else {
            batch().item(contact.ownerId(), id).ifPresent(item -> batch().save(item.close()));
        }
    }

    /** The deadline as stored, or a new one for the caller to open and save. */
    private DueItem interviewItem(DueContact contact, UUID interviewId, DueKind kind) {
        return batch().item(contact.ownerId(), DueItem.idOf(kind, interviewId))
                .orElseGet(() -> DueItem.forInterview(contact.ownerId(), contact.contactId(), interviewId, kind, null));
    }

    /** Closes the deadline, recording a closed one when it never opened (prepared before scheduled). */
    private void close(DueContact contact, UUID interviewId, DueKind kind, Instant at) {
        DueItem item = batch().item(contact.ownerId(), DueItem.idOf(kind, interviewId))
                .orElseGet(() -> DueItem.forInterview(contact.ownerId(), contact.contactId(), interviewId, kind,
                        at == null ? Instant.EPOCH : at));
        batch().save(item.close());
    }
}
