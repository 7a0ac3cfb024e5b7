package app.rapport.query.reports;

import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

import app.rapport.events.ContactEvent;
import app.rapport.events.commitment.CommitmentDropped;
import app.rapport.events.commitment.CommitmentKept;
import app.rapport.events.commitment.CommitmentMade;
import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.ContactDetailsChanged;
import app.rapport.events.contact.ContactErased;
import app.rapport.events.contact.EntryCorrected;
import app.rapport.events.contact.EntryRetracted;
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
import app.rapport.values.Preferences;
import app.rapport.query.support.Rederivation;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The facts the practice and referral reports count: one row per interview request with its times
 * and checklist, one per promise made to a contact, one per job inquiry, one per referral (from the
 * referrer's stream), and each contact's name and preferred channel. Facts only, no windows: the
 * reports judge them at query time by the practice settings ({@link PracticeReport}). An event at
 * or below the contact's last applied sequence number changes nothing. A correction or a
 * retraction re-derives the contact's rows from its amended history through these same handlers
 * ({@link Rederivation}). Rows are read, changed and written per batch of events ({@link ReportsBatch}).
 */
@Component
@ProcessingGroup(ReportsProjection.GROUP)
class ReportsProjection {

    static final String GROUP = "reports";

    private final JdbcTemplate jdbc;
    private final Rederivation rederivation;
    private final EventMessageHandler handlers;

    ReportsProjection(JdbcTemplate jdbc, Rederivation rederivation) {
        this.jdbc = jdbc;
        this.rederivation = rederivation;
        this.handlers = new AnnotationEventHandlerAdapter(this);
    }

    @EventHandler
    void on(ContactAdded event, @SequenceNumber long sequence) {
        ReportContact contact = batch().contact(event.ownerId(), event.contactId())
                .orElseGet(() -> ReportContact.added(event.contactId(), event.ownerId(), event.details()));
        if (!contact.alreadyApplied(sequence)) {
            batch().changed(contact.applied(sequence));
        }
    }

    @EventHandler
    void on(ContactDetailsChanged event, @SequenceNumber long sequence) {
        change(event, sequence, contact -> contact.described(event.details()));
    }

    @EventHandler
    void on(ReferralReceived event, @SequenceNumber long sequence) {
        change(event, sequence, contact -> {
            batch().referred(new ReportReferral(event.contactId(), event.referredContactId(), event.ownerId(),
                    event.at(), false));
            return contact;
        });
    }

    @EventHandler
    void on(ReferralLinked event, @SequenceNumber long sequence) {
        change(event, sequence, contact -> {
            batch().referred(new ReportReferral(event.contactId(), event.referredContactId(), event.ownerId(),
                    event.at(), true));
            return contact;
        });
    }

    /** Judged by the contact's preferred channel as it stands when the request is made. */
    @EventHandler
    void on(InterviewRequested event, @SequenceNumber long sequence) {
        change(event, sequence, contact -> {
            if (batch().interview(event.ownerId(), event.interviewId()).isEmpty()) {
                batch().changed(ReportInterview.requested(event.interviewId(), event.ownerId(), event.contactId(),
                        event.at(), contact.preferredChannel() != null,
                        Preferences.ignoresChannel(contact.preferredChannel(), event.channel())));
            }
            return contact;
        });
    }

    @EventHandler
    void on(NudgeSent event, @SequenceNumber long sequence) {
        changeInterview(event, event.interviewId(), sequence, interview -> interview.nudged(event.at()));
    }

    @EventHandler
    void on(InterviewAccepted event, @SequenceNumber long sequence) {
        changeInterview(event, event.interviewId(), sequence, interview -> interview.closed(event.at()));
    }

    @EventHandler
    void on(InterviewDeclined event, @SequenceNumber long sequence) {
        changeInterview(event, event.interviewId(), sequence, interview -> interview.closed(event.at()));
    }

    /** Giving up on an answer closes the nudge, as it closes the overdue view's item. */
    @EventHandler
    void on(InterviewRequestUnanswered event, @SequenceNumber long sequence) {
        changeInterview(event, event.interviewId(), sequence, interview -> interview.closed(event.at()));
    }

    @EventHandler
    void on(InterviewCancelled event, @SequenceNumber long sequence) {
        changeInterview(event, event.interviewId(), sequence, interview -> interview.closed(event.at()));
    }

    @EventHandler
    void on(InterviewScheduled event, @SequenceNumber long sequence) {
        changeInterview(event, event.interviewId(), sequence, (contact, interview) -> interview.scheduled(event.at(),
                event.scheduledFor(), contact.preferredChannel() != null,
                Preferences.ignoresChannel(contact.preferredChannel(), event.mode())));
    }

    @EventHandler
    void on(InterviewPrepared event, @SequenceNumber long sequence) {
        changeInterview(event, event.interviewId(), sequence, interview -> interview.prepared(event.at()));
    }

    @EventHandler
    void on(InterviewHeld event, @SequenceNumber long sequence) {
        changeInterview(event, event.interviewId(), sequence, interview -> interview.held(event.at(),
                event.agreedMinutes(), event.actualMinutes(), event.checklist()));
    }

    @EventHandler
    void on(ThankYouSent event, @SequenceNumber long sequence) {
        changeInterview(event, event.interviewId(), sequence, interview -> interview.thanked(event.at()));
    }

    @EventHandler
    void on(CommitmentMade event, @SequenceNumber long sequence) {
        change(event, sequence, contact -> {
            if (batch().commitment(event.ownerId(), event.commitmentId()).isEmpty()) {
                batch().changed(ReportCommitment.made(event.commitmentId(), event.ownerId(), event.contactId(),
                        event.interviewId(), event.at(), event.dueBy()));
            }
            return contact;
        });
    }

    /** Kept on its own or by a follow-up: either way at the event's {@code at}. */
    @EventHandler
    void on(CommitmentKept event, @SequenceNumber long sequence) {
        changeCommitment(event, event.commitmentId(), sequence, commitment -> commitment.kept(event.at()));
    }

    @EventHandler
    void on(CommitmentDropped event, @SequenceNumber long sequence) {
        changeCommitment(event, event.commitmentId(), sequence, commitment -> commitment.dropped(event.at()));
    }

    /** Keyed by the inquiry's event, which is what a correction or a retraction names. */
    @EventHandler
    void on(JobInquiryMade event, EventMessage<?> message, @SequenceNumber long sequence) {
        change(event, sequence, contact -> {
            batch().inquired(new ReportInquiry(message.getIdentifier(), event.ownerId(), event.contactId(),
                    event.at(), event.early()));
            return contact;
        });
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
     * Every figure stays: the contact's rows are facts (times, checklists, channels); only its name
     * goes, read as erased whatever it was, as a replay leaves it.
     */
    @EventHandler
    void on(ContactErased event, @SequenceNumber long sequence) {
        change(event, sequence, ReportContact::erased);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM report_referral");
        jdbc.update("DELETE FROM report_job_inquiry");
        jdbc.update("DELETE FROM report_commitment");
        jdbc.update("DELETE FROM report_interview");
        jdbc.update("DELETE FROM report_contact");
    }

    private ReportsBatch batch() {
        return ReportsBatch.of(this, jdbc);
    }

    private void changeInterview(ContactEvent event, UUID interviewId, long sequence,
                                 UnaryOperator<ReportInterview> change) {
        changeInterview(event, interviewId, sequence, (contact, interview) -> change.apply(interview));
    }

    private void changeInterview(ContactEvent event, UUID interviewId, long sequence,
                                 BiFunction<ReportContact, ReportInterview, ReportInterview> change) {
        change(event, sequence, contact -> {
            batch().interview(event.ownerId(), interviewId).map(interview -> change.apply(contact, interview))
                    .ifPresent(batch()::changed);
            return contact;
        });
    }

    private void changeCommitment(ContactEvent event, UUID commitmentId, long sequence,
                                  UnaryOperator<ReportCommitment> change) {
        change(event, sequence, contact -> {
            batch().commitment(event.ownerId(), commitmentId).map(change).ifPresent(batch()::changed);
            return contact;
        });
    }

    private void change(ContactEvent event, long sequence, UnaryOperator<ReportContact> change) {
        batch().contact(event.ownerId(), event.contactId())
                .filter(contact -> !contact.alreadyApplied(sequence))
                .ifPresent(contact -> batch().changed(change.apply(contact).applied(sequence)));
    }
}
