package app.rapport.query.contacts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.rapport.values.Channel;
import app.rapport.values.ContactSource;
import app.rapport.values.FollowUpKind;

/** What the contact queries answer; records of their own, so no table row ever reaches the wire. */
final class ContactViews {

    private ContactViews() {
    }

    /** @param health as judged at the moment asked about (now, unless {@code asOf} names another) */
    record ContactSummary(UUID contactId, String name, String organization, String role, String specialization,
                          ContactSource source, Stage stage, Instant lastTouchAt, Instant nextFollowUpDue,
                          Health health) {

        static ContactSummary of(Contacts.Judged judged) {
            Contact c = judged.contact();
            return new ContactSummary(c.contactId(), c.name(), c.organization(), c.role(), c.specialization(),
                    c.source(), c.stage(), c.lastTouchAt(), c.nextFollowUpDue(), judged.health());
        }
    }

    record ContactDetail(UUID contactId, String name, String organization, String role, String specialization,
                         ContactSource source, Channel preferredChannel, String preferredLocation, String email,
                         String phone, String notes, UUID referredBy, int cadenceDays, Stage stage, Instant addedAt,
                         Instant lastTouchAt, Instant nextFollowUpDue, Health health,
                         List<InterviewView> interviews, List<FollowUpView> followUps) {

        static ContactDetail of(Contacts.Judged judged, List<ContactInterview> interviews,
                                List<ContactFollowUp> followUps) {
            Contact c = judged.contact();
            return new ContactDetail(c.contactId(), c.name(), c.organization(), c.role(), c.specialization(),
                    c.source(), c.preferredChannel(), c.preferredLocation(), c.email(), c.phone(), c.notes(),
                    c.referredBy(), c.cadenceDays(), c.stage(), c.addedAt(), c.lastTouchAt(), c.nextFollowUpDue(),
                    judged.health(), interviews.stream().map(InterviewView::of).toList(),
                    followUps.stream().map(FollowUpView::of).toList());
        }
    }

    record InterviewView(UUID interviewId, InterviewStatus status, Channel channel, int durationMinutes,
                         String purpose, String message, Instant requestedAt, Instant respondedAt,
                         String responseNote, Instant scheduledFor, Channel mode, String location,
                         Instant preparedAt, Instant heldAt, Integer actualMinutes, Instant thankedAt,
                         Instant cancelledAt, Instant nudgedAt) {

        static InterviewView of(ContactInterview i) {
            return new InterviewView(i.interviewId(), i.status(), i.channel(), i.durationMinutes(), i.purpose(),
                    i.message(), i.requestedAt(), i.respondedAt(), i.responseNote(), i.scheduledFor(), i.mode(),
                    i.location(), i.preparedAt(), i.heldAt(), i.actualMinutes(), i.thankedAt(), i.cancelledAt(),
                    i.nudgedAt());
        }
    }

    /** An interview on the calendar, with whom: what a person's day is planned by. */
    record ScheduledInterviewView(UUID contactId, String contactName, String organization, UUID interviewId,
                                  InterviewStatus status, Instant scheduledFor, int durationMinutes, Channel mode,
                                  String location, String purpose, Instant preparedAt) {

        static ScheduledInterviewView of(Contacts.Scheduled scheduled) {
            ContactInterview i = scheduled.interview();
            return new ScheduledInterviewView(i.contactId(), scheduled.contactName(), scheduled.organization(),
                    i.interviewId(), i.status(), i.scheduledFor(), i.durationMinutes(), i.mode(), i.location(),
                    i.purpose(), i.preparedAt());
        }
    }

    record FollowUpView(UUID followUpId, FollowUpKind kind, Channel channel, String note, Instant at) {

        static FollowUpView of(ContactFollowUp f) {
            return new FollowUpView(f.followUpId(), f.kind(), f.channel(), f.note(), f.at());
        }
    }
}
