package app.rapport.query.timeline;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import app.rapport.values.Channel;
import app.rapport.values.ContactDetails;

/**
 * The little a contact's later timeline entries need from its earlier events: the preferred
 * channel and place (as they stood when each step was recorded), per interview the agreed
 * minutes, whether it was prepared, when it was held and whether it was given up on, and per
 * promise what it was and by when. Immutable; each event yields a new state. Stored as JSON: a
 * field added later reads as empty from states stored before it.
 */
public record TimelineState(Channel preferredChannel, String preferredLocation, Map<UUID, InterviewFacts> interviews,
                            Map<UUID, CommitmentFacts> commitments) {

    public static final TimelineState EMPTY = new TimelineState(null, null, Map.of(), Map.of());

    public TimelineState {
        interviews = interviews == null ? Map.of() : Map.copyOf(interviews);
        commitments = commitments == null ? Map.of() : Map.copyOf(commitments);
    }

    /** A state without promises, as every state was before commitments. */
    public TimelineState(Channel preferredChannel, String preferredLocation, Map<UUID, InterviewFacts> interviews) {
        this(preferredChannel, preferredLocation, interviews, Map.of());
    }

    /**
     * What the timeline remembers about one promise, to say how it was kept or dropped.
     *
     * @param interviewId the interview it was made in, or null
     * @param dueBy when it was due, or null: a promise without a date is never kept late
     */
    public record CommitmentFacts(String promise, UUID interviewId, Instant dueBy) {
    }

    /**
     * What the timeline remembers about one interview.
     *
     * @param markedUnanswered the networker gave up on an answer, so an answer after it is a late one
     */
    public record InterviewFacts(int agreedMinutes, boolean prepared, Instant heldAt, boolean markedUnanswered) {

        static InterviewFacts requested(int agreedMinutes) {
            return new InterviewFacts(agreedMinutes, false, null, false);
        }

        InterviewFacts asPrepared() {
            return new InterviewFacts(agreedMinutes, true, heldAt, markedUnanswered);
        }

        InterviewFacts heldOn(int agreed, Instant at) {
            return new InterviewFacts(agreed, prepared, at, markedUnanswered);
        }

        InterviewFacts asMarkedUnanswered() {
            return new InterviewFacts(agreedMinutes, prepared, heldAt, true);
        }
    }

    InterviewFacts interview(UUID interviewId) {
        return interviews.getOrDefault(interviewId, InterviewFacts.requested(0));
    }

    /** The promise as made; empty facts for one this state never saw. */
    CommitmentFacts commitment(UUID commitmentId) {
        return commitments.getOrDefault(commitmentId, new CommitmentFacts(null, null, null));
    }

    /** The preferences as the details now state them (a change carries them all). */
    TimelineState describedBy(ContactDetails details) {
        return details == null ? new TimelineState(null, null, interviews, commitments)
                : new TimelineState(details.preferredChannel(), details.preferredLocation(), interviews, commitments);
    }

    TimelineState withInterview(UUID interviewId, InterviewFacts facts) {
        Map<UUID, InterviewFacts> changed = new HashMap<>(interviews);
        changed.put(interviewId, facts);
        return new TimelineState(preferredChannel, preferredLocation, changed, commitments);
    }

    TimelineState withCommitment(UUID commitmentId, CommitmentFacts facts) {
        Map<UUID, CommitmentFacts> changed = new HashMap<>(commitments);
        changed.put(commitmentId, facts);
        return new TimelineState(preferredChannel, preferredLocation, interviews, changed);
    }
}
