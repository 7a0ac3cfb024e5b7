package app.rapport.query.analytics;

import java.time.Instant;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

import app.rapport.events.ContactEvent;
import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.ContactDetailsChanged;
import app.rapport.events.contact.ContactErased;
import app.rapport.events.contact.EntryCorrected;
import app.rapport.events.contact.EntryRetracted;
import app.rapport.events.contact.JobInquiryMade;
import app.rapport.events.interview.InterviewAccepted;
import app.rapport.events.interview.InterviewCancelled;
import app.rapport.events.interview.InterviewDeclined;
import app.rapport.events.interview.InterviewHeld;
import app.rapport.events.interview.InterviewRequestUnanswered;
import app.rapport.events.interview.InterviewRequested;
import app.rapport.events.interview.InterviewScheduled;
import app.rapport.events.interview.NudgeSent;
import app.rapport.events.interview.ThankYouSent;
import app.rapport.platform.PracticeSettings;
import app.rapport.values.Preferences;
import app.rapport.query.support.Rederivation;
import app.rapport.values.ResponseOutcome;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Outreach facts: one row per interview request, filled in as the request is nudged, answered
 * (late, too), scheduled, held and thanked for, and one row per job inquiry. Counts and times
 * only; every rate is divided at query time. An event at or below the contact's last applied
 * sequence number changes nothing. A correction or a retraction re-derives the contact's facts
 * from its amended history through these same handlers ({@link Rederivation}), so a retracted step
 * no longer counts and a corrected one counts as corrected. Rows are read, changed and written per
 * batch of events ({@link AnalyticsBatch}).
 */
@Component
@ProcessingGroup(AnalyticsProjection.GROUP)
class AnalyticsProjection {

    static final String GROUP = "analytics";

    private final JdbcTemplate jdbc;
    private final PracticeSettings practice;
    private final Rederivation rederivation;
    private final EventMessageHandler handlers;

    AnalyticsProjection(JdbcTemplate jdbc, PracticeSettings practice, Rederivation rederivation) {
        this.jdbc = jdbc;
        this.practice = practice;
        this.rederivation = rederivation;
        this.handlers = new AnnotationEventHandlerAdapter(this);
    }

    /** {@code recordedAt}, the event's timestamp, dates the specialization's spelling. */
    @EventHandler
    void on(ContactAdded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        OutreachContact contact = batch().contact(event.ownerId(), event.contactId())
                .orElseGet(() -> OutreachContact.added(event.contactId(), event.ownerId(), event.source(),
                        event.details(), recordedAt));
        if (!contact.alreadyApplied(sequence)) {
            batch().changed(contact.applied(sequence));
        }
    }

    @EventHandler
    void on(ContactDetailsChanged event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        change(event, sequence, contact -> contact.described(event.details(), recordedAt));
    }

    @EventHandler
    void on(InterviewRequested event, @SequenceNumber long sequence) {
        change(event, sequence, contact -> {
            if (batch().request(event.ownerId(), event.interviewId()).isEmpty()) {
                batch().changed(OutreachRequest.requested(event.interviewId(), event.ownerId(), event.contactId(),
                        event.channel(), event.at(), Preferences.ignoresChannel(contact.preferredChannel(),
                                event.channel())));
            }
            return contact;
        });
    }

    @EventHandler
    void on(NudgeSent event, @SequenceNumber long sequence) {
        changeRequest(event, event.interviewId(), sequence, request -> request.nudged(event.at()));
    }

    /** Also a late answer, after the request was given up on: then it counts as a (late) response. */
    @EventHandler
    void on(InterviewAccepted event, @SequenceNumber long sequence) {
        changeRequest(event, event.interviewId(), sequence,
                request -> request.answered(ResponseOutcome.ACCEPTED, event.at()));
    }

    @EventHandler
    void on(InterviewDeclined event, @SequenceNumber long sequence) {
        changeRequest(event, event.interviewId(), sequence,
                request -> request.answered(ResponseOutcome.DECLINED, event.at()));
    }

    @EventHandler
    void on(InterviewRequestUnanswered event, @SequenceNumber long sequence) {
        changeRequest(event, event.interviewId(), sequence,
                request -> request.answered(ResponseOutcome.NO_RESPONSE, event.at()));
    }

    @EventHandler
    void on(InterviewScheduled event, @SequenceNumber long sequence) {
        changeRequest(event, event.interviewId(), sequence, (contact, request) -> request.scheduled(
                Preferences.ignoresChannel(contact.preferredChannel(), event.mode()),
                event.ignoresPreferredLocation(contact.preferredLocation())));
    }

    @EventHandler
    void on(InterviewCancelled event, @SequenceNumber long sequence) {
        changeRequest(event, event.interviewId(), sequence, OutreachRequest::asCancelled);
    }

    @EventHandler
    void on(InterviewHeld event, @SequenceNumber long sequence) {
        changeRequest(event, event.interviewId(), sequence,
                request -> request.held(event.at(), event.agreedMinutes(), event.actualMinutes()));
    }

    @EventHandler
    void on(ThankYouSent event, @SequenceNumber long sequence) {
        changeRequest(event, event.interviewId(), sequence,
                request -> request.thanked(event.at(), practice.thankYouWithin()));
    }

    /** Keyed by the inquiry's event, which is what a correction or a retraction names. */
    @EventHandler
    void on(JobInquiryMade event, EventMessage<?> message, @SequenceNumber long sequence) {
        change(event, sequence, contact -> {
            batch().inquired(new OutreachInquiry(message.getIdentifier(), event.ownerId(), event.contactId(),
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
     * The facts stay, so the counts are the same before and after: only the preferred place, the
     * one personal datum kept here, goes (blank whatever it said, as a replay leaves it).
     */
    @EventHandler
    void on(ContactErased event, @SequenceNumber long sequence) {
        change(event, sequence, OutreachContact::erased);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM outreach_job_inquiry");
        jdbc.update("DELETE FROM outreach_request");
        jdbc.update("DELETE FROM outreach_contact");
    }

    private AnalyticsBatch batch() {
        return AnalyticsBatch.of(this, jdbc);
    }

    private void changeRequest(ContactEvent event, UUID interviewId, long sequence,
                               UnaryOperator<OutreachRequest> change) {
        changeRequest(event, interviewId, sequence, (contact, request) -> change.apply(request));
    }

    private void changeRequest(ContactEvent event, UUID interviewId, long sequence,
                               BiFunction<OutreachContact, OutreachRequest, OutreachRequest> change) {
        change(event, sequence, contact -> {
            batch().request(event.ownerId(), interviewId).map(request -> change.apply(contact, request))
                    .ifPresent(batch()::changed);
            return contact;
        });
    }

    private void change(ContactEvent event, long sequence, UnaryOperator<OutreachContact> change) {
        batch().contact(event.ownerId(), event.contactId())
                .filter(contact -> !contact.alreadyApplied(sequence))
                .ifPresent(contact -> batch().changed(change.apply(contact).applied(sequence)));
    }
}
