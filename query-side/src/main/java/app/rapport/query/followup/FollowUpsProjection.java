package app.rapport.query.followup;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
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
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Follow-ups as deadlines: events open them (a request opens a nudge, a held interview a
 * thank-you) and close them (the answer, the thank-you, a cancellation, archiving). Whether a
 * deadline has passed is not stored: the query compares due dates with its asOf, so no scheduler
 * is needed. Events at or below the contact's last applied sequence number change nothing. Rows
 * are read, changed and written per batch of events ({@link FollowUpsBatch}).
 */
@Component
@ProcessingGroup(FollowUpsProjection.GROUP)
class FollowUpsProjection {

    static final String GROUP = "followups";

    private final JdbcTemplate jdbc;
    private final PracticeSettings properties;

    FollowUpsProjection(JdbcTemplate jdbc, PracticeSettings properties) {
        this.jdbc = jdbc;
        this.properties = properties;
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
        change(event.ownerId(), event.contactId(), sequence,
                contact -> contact.renamed(event.details() == null ? null : event.details().name()));
    }

    @EventHandler
    void on(FollowUpCadenceSet event, @SequenceNumber long sequence) {
        change(event.ownerId(), event.contactId(), sequence, contact -> contact.withCadence(event.days()));
    }

    @EventHandler
    void on(InterviewRequested event, @SequenceNumber long sequence) {
        change(event.ownerId(), event.contactId(), sequence, contact -> {
            batch().save(interviewItem(contact, event.interviewId(), DueKind.RESPONSE_NUDGE)
                    .open(event.at().plus(properties.nudgeAfter())));
            return contact.touched(event.at());
        });
    }

    @EventHandler
    void on(InterviewAccepted event, @SequenceNumber long sequence) {
        answered(event.ownerId(), event.contactId(), event.interviewId(), sequence, event.at());
    }

    @EventHandler
    void on(InterviewDeclined event, @SequenceNumber long sequence) {
        answered(event.ownerId(), event.contactId(), event.interviewId(), sequence, event.at());
    }

    /** The networker gave up: nothing to nudge any more, and no interaction happened. */
    @EventHandler
    void on(InterviewRequestUnanswered event, @SequenceNumber long sequence) {
        answered(event.ownerId(), event.contactId(), event.interviewId(), sequence, null);
    }

    /** Re-scheduling moves the deadline but keeps it closed once prepared. */
    @EventHandler
    void on(InterviewScheduled event, @SequenceNumber long sequence) {
        change(event.ownerId(), event.contactId(), sequence, contact -> {
            Instant due = event.scheduledFor().minus(properties.prepareBefore());
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
        change(event.ownerId(), event.contactId(), sequence, contact -> {
            close(contact, event.interviewId(), DueKind.PREPARE, event.at());
            return contact;
        });
    }

    @EventHandler
    void on(InterviewHeld event, @SequenceNumber long sequence) {
        change(event.ownerId(), event.contactId(), sequence, contact -> {
            close(contact, event.interviewId(), DueKind.PREPARE, event.at());
            batch().save(interviewItem(contact, event.interviewId(), DueKind.THANK_YOU)
                    .open(event.at().plus(properties.thankYouWithin())));
            return contact.touched(event.at());
        });
    }

    @EventHandler
    void on(ThankYouSent event, @SequenceNumber long sequence) {
        change(event.ownerId(), event.contactId(), sequence, contact -> {
            close(contact, event.interviewId(), DueKind.THANK_YOU, event.at());
            return contact.touched(event.at()).asConnected();
        });
    }

    @EventHandler
    void on(InterviewCancelled event, @SequenceNumber long sequence) {
        change(event.ownerId(), event.contactId(), sequence, contact -> {
            for (DueKind kind : new DueKind[] {DueKind.RESPONSE_NUDGE, DueKind.PREPARE, DueKind.THANK_YOU}) {
                batch().item(contact.ownerId(), DueItem.idOf(kind, event.interviewId()))
                        .ifPresent(item -> batch().save(item.close()));
            }
            return contact;
        });
    }

    @EventHandler
    void on(FollowUpLogged event, @SequenceNumber long sequence) {
        change(event.ownerId(), event.contactId(), sequence, contact -> contact.touched(event.at()));
    }

    @EventHandler
    void on(JobInquiryMade event, @SequenceNumber long sequence) {
        change(event.ownerId(), event.contactId(), sequence, contact -> contact.touched(event.at()));
    }

    @EventHandler
    void on(ContactArchived event, @SequenceNumber long sequence) {
        change(event.ownerId(), event.contactId(), sequence, contact -> {
            batch().itemsOf(contact.contactId()).forEach(item -> batch().save(item.close()));
            return contact.withArchived(true);
        });
    }

    /** Only keeping in touch comes back: the interview deadlines of an archived contact stay closed. */
    @EventHandler
    void on(ContactRestored event, @SequenceNumber long sequence) {
        change(event.ownerId(), event.contactId(), sequence, contact -> contact.withArchived(false));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM due_item");
        jdbc.update("DELETE FROM due_contact");
    }

    private FollowUpsBatch batch() {
        return FollowUpsBatch.of(this, jdbc);
    }

    private void answered(String ownerId, UUID contactId, UUID interviewId, long sequence, Instant touch) {
        change(ownerId, contactId, sequence, contact -> {
            close(contact, interviewId, DueKind.RESPONSE_NUDGE, touch);
            return contact.touched(touch);
        });
    }

    /** Loads the contact, skips a repeat, applies the change, re-derives keeping in touch, saves. */
    private void change(String ownerId, UUID contactId, long sequence, UnaryOperator<DueContact> change) {
        batch().contact(ownerId, contactId)
                .filter(contact -> !contact.alreadyApplied(sequence))
                .ifPresent(contact -> {
                    DueContact changed = change.apply(contact);
                    keepInTouch(changed);
                    batch().changed(changed.applied(sequence));
                });
    }

    private void keepInTouch(DueContact contact) {
        String id = DueItem.idOf(DueKind.KEEP_IN_TOUCH, contact.contactId());
        if (contact.keepsInTouch()) {
            Instant due = contact.lastTouchAt().plus(properties.keepInTouchFor(contact.cadenceDays()));
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
