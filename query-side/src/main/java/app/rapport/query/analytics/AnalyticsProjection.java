package app.rapport.query.analytics;

import java.util.UUID;
import java.util.function.UnaryOperator;

import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.ContactDetailsChanged;
import app.rapport.events.interview.InterviewAccepted;
import app.rapport.events.interview.InterviewCancelled;
import app.rapport.events.interview.InterviewDeclined;
import app.rapport.events.interview.InterviewHeld;
import app.rapport.events.interview.InterviewRequestUnanswered;
import app.rapport.events.interview.InterviewRequested;
import app.rapport.events.interview.ThankYouSent;
import app.rapport.platform.PracticeSettings;
import app.rapport.values.ResponseOutcome;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Outreach facts: one row per interview request, filled in as the request is answered, held and
 * thanked for. Counts and times only; every rate is divided at query time. An event at or below
 * the contact's last applied sequence number changes nothing. Rows are read, changed and written
 * per batch of events ({@link AnalyticsBatch}).
 */
@Component
@ProcessingGroup(AnalyticsProjection.GROUP)
class AnalyticsProjection {

    static final String GROUP = "analytics";

    private final JdbcTemplate jdbc;
    private final PracticeSettings practice;

    AnalyticsProjection(JdbcTemplate jdbc, PracticeSettings practice) {
        this.jdbc = jdbc;
        this.practice = practice;
    }

    @EventHandler
    void on(ContactAdded event, @SequenceNumber long sequence) {
        OutreachContact contact = batch().contact(event.ownerId(), event.contactId())
                .orElseGet(() -> OutreachContact.added(event.contactId(), event.ownerId(), event.source(),
                        event.details() == null ? null : event.details().specialization()));
        if (!contact.alreadyApplied(sequence)) {
            batch().changed(contact.applied(sequence));
        }
    }

    @EventHandler
    void on(ContactDetailsChanged event, @SequenceNumber long sequence) {
        change(event.ownerId(), event.contactId(), sequence, contact -> event.details() == null ? contact
                : contact.withSpecialization(event.details().specialization()));
    }

    @EventHandler
    void on(InterviewRequested event, @SequenceNumber long sequence) {
        change(event.ownerId(), event.contactId(), sequence, contact -> {
            if (batch().request(event.ownerId(), event.interviewId()).isEmpty()) {
                batch().changed(OutreachRequest.requested(event.interviewId(), event.ownerId(), event.contactId(),
                        event.channel(), event.at()));
            }
            return contact;
        });
    }

    @EventHandler
    void on(InterviewAccepted event, @SequenceNumber long sequence) {
        changeRequest(event.ownerId(), event.contactId(), event.interviewId(), sequence,
                request -> request.answered(ResponseOutcome.ACCEPTED, event.at()));
    }

    @EventHandler
    void on(InterviewDeclined event, @SequenceNumber long sequence) {
        changeRequest(event.ownerId(), event.contactId(), event.interviewId(), sequence,
                request -> request.answered(ResponseOutcome.DECLINED, event.at()));
    }

    @EventHandler
    void on(InterviewRequestUnanswered event, @SequenceNumber long sequence) {
        changeRequest(event.ownerId(), event.contactId(), event.interviewId(), sequence,
                request -> request.answered(ResponseOutcome.NO_RESPONSE, event.at()));
    }

    @EventHandler
    void on(InterviewCancelled event, @SequenceNumber long sequence) {
        changeRequest(event.ownerId(), event.contactId(), event.interviewId(), sequence, OutreachRequest::asCancelled);
    }

    @EventHandler
    void on(InterviewHeld event, @SequenceNumber long sequence) {
        changeRequest(event.ownerId(), event.contactId(), event.interviewId(), sequence,
                request -> request.held(event.at(), event.agreedMinutes(), event.actualMinutes()));
    }

    @EventHandler
    void on(ThankYouSent event, @SequenceNumber long sequence) {
        changeRequest(event.ownerId(), event.contactId(), event.interviewId(), sequence,
                request -> request.thanked(event.at(), practice.thankYouWithin()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM outreach_request");
        jdbc.update("DELETE FROM outreach_contact");
    }

    private AnalyticsBatch batch() {
        return AnalyticsBatch.of(this, jdbc);
    }

    private void changeRequest(String ownerId, UUID contactId, UUID interviewId, long sequence,
                               UnaryOperator<OutreachRequest> change) {
        change(ownerId, contactId, sequence, contact -> {
            batch().request(ownerId, interviewId).map(change).ifPresent(batch()::changed);
            return contact;
        });
    }

    private void change(String ownerId, UUID contactId, long sequence, UnaryOperator<OutreachContact> change) {
        batch().contact(ownerId, contactId)
                .filter(contact -> !contact.alreadyApplied(sequence))
                .ifPresent(contact -> batch().changed(change.apply(contact).applied(sequence)));
    }
}
