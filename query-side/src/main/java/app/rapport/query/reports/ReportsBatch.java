package app.rapport.query.reports;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.rapport.query.support.EventSubject;
import app.rapport.query.support.ProjectionBatch;
import app.rapport.query.support.RederivedContacts;
import app.rapport.query.support.Sql;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The contacts, interviews and commitments one batch of events touches, read in one statement per table for
 * every contact the batch names, and everything written back in one batched upsert per table,
 * after the rows of contacts re-derived from their history ({@link #forget}) are deleted. Job
 * inquiries and referrals are only ever added, so none is read.
 */
final class ReportsBatch extends ProjectionBatch implements RederivedContacts<ReportContact> {

    private final JdbcTemplate jdbc;
    private final Map<UUID, ReportContact> contacts = new HashMap<>();
    private final Map<UUID, ReportInterview> interviews = new HashMap<>();
    private final Map<UUID, ReportCommitment> commitments = new HashMap<>();
    private final Map<UUID, ReportContact> changedContacts = new LinkedHashMap<>();
    private final Map<UUID, ReportInterview> changedInterviews = new LinkedHashMap<>();
    private final Map<UUID, ReportCommitment> changedCommitments = new LinkedHashMap<>();
    private final Map<String, ReportInquiry> newInquiries = new LinkedHashMap<>();
    private final Map<List<UUID>, ReportReferral> newReferrals = new LinkedHashMap<>();
    private final Set<EventSubject> forgotten = new LinkedHashSet<>();

    private ReportsBatch(JdbcTemplate jdbc, List<? extends EventMessage<?>> events) {
        this.jdbc = jdbc;
        Set<EventSubject> about = EventSubject.contactsOf(events);
        Sql.ofContacts(jdbc, "SELECT * FROM report_contact WHERE owner_id = ANY(?) AND contact_id = ANY(?)", about,
                        ReportContact.MAPPER)
                .forEach(contact -> contacts.put(contact.contactId(), contact));
        Sql.ofContacts(jdbc, "SELECT * FROM report_interview WHERE owner_id = ANY(?) AND contact_id = ANY(?)", about,
                        ReportInterview.MAPPER)
                .forEach(interview -> interviews.put(interview.interviewId(), interview));
        Sql.ofContacts(jdbc, "SELECT * FROM report_commitment WHERE owner_id = ANY(?) AND contact_id = ANY(?)", about,
                        ReportCommitment.MAPPER)
                .forEach(commitment -> commitments.put(commitment.commitmentId(), commitment));
    }

    static ReportsBatch of(Object projection, JdbcTemplate jdbc) {
        return current(projection, events -> new ReportsBatch(jdbc, events));
    }

    @Override
    public Optional<ReportContact> contact(String ownerId, UUID contactId) {
        return Optional.ofNullable(contacts.get(contactId)).filter(contact -> contact.ownerId().equals(ownerId));
    }

    @Override
    public void changed(ReportContact contact) {
        contacts.put(contact.contactId(), contact);
        changedContacts.put(contact.contactId(), contact);
    }

    Optional<ReportInterview> interview(String ownerId, UUID interviewId) {
        return Optional.ofNullable(interviews.get(interviewId))
                .filter(interview -> interview.ownerId().equals(ownerId));
    }

    void changed(ReportInterview interview) {
        interviews.put(interview.interviewId(), interview);
        changedInterviews.put(interview.interviewId(), interview);
    }

    Optional<ReportCommitment> commitment(String ownerId, UUID commitmentId) {
        return Optional.ofNullable(commitments.get(commitmentId))
                .filter(commitment -> commitment.ownerId().equals(ownerId));
    }

    void changed(ReportCommitment commitment) {
        commitments.put(commitment.commitmentId(), commitment);
        changedCommitments.put(commitment.commitmentId(), commitment);
    }

    void inquired(ReportInquiry inquiry) {
        newInquiries.put(inquiry.entryId(), inquiry);
    }

    void referred(ReportReferral referral) {
        newReferrals.put(List.of(referral.contactId(), referral.referredContactId()), referral);
    }

    /**
     * Drops the contact with its interviews, commitments, inquiries and the referrals it made, as read and as
     * changed so far, so that its history can be folded again from nothing; its stored rows are
     * deleted before the batch writes.
     */
    @Override
    public void forget(EventSubject contact) {
        UUID id = contact.contactId();
        contacts.remove(id);
        changedContacts.remove(id);
        interviews.values().removeIf(interview -> interview.contactId().equals(id));
        changedInterviews.values().removeIf(interview -> interview.contactId().equals(id));
        commitments.values().removeIf(commitment -> commitment.contactId().equals(id));
        changedCommitments.values().removeIf(commitment -> commitment.contactId().equals(id));
        newInquiries.values().removeIf(inquiry -> inquiry.contactId().equals(id));
        newReferrals.values().removeIf(referral -> referral.contactId().equals(id));
        forgotten.add(contact);
    }

    @Override
    protected void write() {
        Sql.deleteOfContacts(jdbc, "report_referral", forgotten);
        Sql.deleteOfContacts(jdbc, "report_job_inquiry", forgotten);
        Sql.deleteOfContacts(jdbc, "report_commitment", forgotten);
        Sql.deleteOfContacts(jdbc, "report_interview", forgotten);
        Sql.deleteOfContacts(jdbc, "report_contact", forgotten);
        ReportContact.UPSERT.write(jdbc, changedContacts.values());
        ReportInterview.UPSERT.write(jdbc, changedInterviews.values());
        ReportCommitment.UPSERT.write(jdbc, changedCommitments.values());
        ReportInquiry.UPSERT.write(jdbc, newInquiries.values());
        ReportReferral.UPSERT.write(jdbc, newReferrals.values());
    }
}
