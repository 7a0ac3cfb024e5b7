package app.rapport.query.drafts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.ContactArchived;
import app.rapport.events.contact.ContactDetailsChanged;
import app.rapport.events.contact.ContactRestored;
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
import app.rapport.values.Channel;
import app.rapport.values.ContactDetails;

/**
 * What a draft needs to know of one contact: who they are, how they like to be reached, who
 * referred them, and their interviews.
 *
 * @param referrerName the name of the contact who referred this one, or null.
 */
record ContactFacts(
        UUID contactId,
        String name,
        String organization,
        String role,
        String specialization,
        Channel preferredChannel,
        UUID referredBy,
        String referrerName,
        boolean archived,
        Map<UUID, InterviewFacts> interviews) {

    ContactFacts {
        interviews = Map.copyOf(interviews);
    }

    Optional<InterviewFacts> interview(UUID interviewId) {
        return Optional.ofNullable(interviews.get(interviewId));
    }

    ContactFacts withReferrerName(String referrer) {
        return new ContactFacts(contactId, name, organization, role, specialization, preferredChannel, referredBy,
                referrer, archived, interviews);
    }

    /**
     * The facts after the contact's events, in the order of the stream; the list is the history
     * as it reads now (corrections applied, retracted entries left out), so a retracted step
     * leaves its interview where it was before that step, as the aggregate does.
     */
    static ContactFacts of(UUID contactId, List<?> payloads) {
        Fold fold = new Fold();
        payloads.forEach(fold::apply);
        Map<UUID, InterviewFacts> interviews = new LinkedHashMap<>();
        fold.interviews.forEach((id, interview) -> interviews.put(id, interview.facts()));
        ContactDetails details = fold.details;
        return new ContactFacts(contactId, details.name(), details.organization(), details.role(),
                details.specialization(), details.preferredChannel(), fold.referredBy, null, fold.archived,
                interviews);
    }

    /** The contact's latest name, for naming it as the referrer of another. */
    static Optional<String> nameOf(List<?> payloads) {
        Fold fold = new Fold();
        payloads.forEach(fold::apply);
        return Optional.ofNullable(fold.details.name());
    }

    private static final class Fold {

        private ContactDetails details = new ContactDetails(null, null, null, null, null, null, null, null, null);
        private UUID referredBy;
        private boolean archived;
        private final Map<UUID, Interview> interviews = new LinkedHashMap<>();

        // follow-ups, referrals, cadences, inquiries and corrections change nothing a draft reads
        void apply(Object event) {
            if (event instanceof ContactAdded e) {
                details = e.details();
                referredBy = e.referredBy();
            } else if (event instanceof ContactDetailsChanged e) {
                details = e.details();
            } else if (event instanceof ContactArchived) {
                archived = true;
            } else if (event instanceof ContactRestored) {
                archived = false;
            } else if (event instanceof InterviewRequested e) {
                interviews.put(e.interviewId(), new Interview(e));
            } else if (event instanceof InterviewAccepted e) {
                stage(e.interviewId(), InterviewStage.ACCEPTED);
            } else if (event instanceof InterviewDeclined e) {
                stage(e.interviewId(), InterviewStage.DECLINED);
            } else if (event instanceof InterviewRequestUnanswered e) {
                stage(e.interviewId(), InterviewStage.NO_RESPONSE);
            } else if (event instanceof InterviewScheduled e) {
                // moving a prepared interview keeps its preparation
                interview(e.interviewId()).filter(interview -> interview.stage != InterviewStage.PREPARED)
                        .ifPresent(interview -> interview.stage = InterviewStage.SCHEDULED);
            } else if (event instanceof InterviewPrepared e) {
                stage(e.interviewId(), InterviewStage.PREPARED);
            } else if (event instanceof InterviewHeld e) {
                interview(e.interviewId()).ifPresent(interview -> {
                    interview.stage = InterviewStage.HELD;
                    interview.heldAt = e.at();
                    interview.actualMinutes = e.actualMinutes();
                    interview.notes = e.notes();
                });
            } else if (event instanceof ThankYouSent e) {
                stage(e.interviewId(), InterviewStage.THANKED);
            } else if (event instanceof InterviewCancelled e) {
                stage(e.interviewId(), InterviewStage.CANCELLED);
            } else if (event instanceof NudgeSent e) {
                interview(e.interviewId()).ifPresent(interview -> interview.nudgedAt = e.at());
            }
        }

        private void stage(UUID interviewId, InterviewStage stage) {
            interview(interviewId).ifPresent(interview -> interview.stage = stage);
        }

        private Optional<Interview> interview(UUID interviewId) {
            return Optional.ofNullable(interviews.get(interviewId));
        }
    }

    private static final class Interview {

        private final InterviewRequested request;
        private InterviewStage stage = InterviewStage.REQUESTED;
        private Instant heldAt;
        private int actualMinutes;
        private String notes;
        private Instant nudgedAt;

        Interview(InterviewRequested request) {
            this.request = request;
        }

        InterviewFacts facts() {
            return new InterviewFacts(request.interviewId(), stage, request.at(), request.channel(),
                    request.durationMinutes(), request.purpose(), heldAt, actualMinutes, notes, nudgedAt);
        }
    }
}
