package app.rapport.query.timeline;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import app.rapport.values.Channel;

/**
 * The little a contact's later timeline entries need from its earlier events: the preferred
 * channel (as it stood when each request was made), and per interview the agreed minutes, whether
 * it was prepared, and when it was held. Immutable; each event yields a new state.
 */
public record TimelineState(Channel preferredChannel, Map<UUID, InterviewFacts> interviews) {

    public static final TimelineState EMPTY = new TimelineState(null, Map.of());

    public TimelineState {
        interviews = interviews == null ? Map.of() : Map.copyOf(interviews);
    }

    /** What the timeline remembers about one interview. */
    public record InterviewFacts(int agreedMinutes, boolean prepared, Instant heldAt) {
    }

    InterviewFacts interview(UUID interviewId) {
        return interviews.getOrDefault(interviewId, new InterviewFacts(0, false, null));
    }

    TimelineState withPreferredChannel(Channel channel) {
        return new TimelineState(channel, interviews);
    }

    TimelineState withInterview(UUID interviewId, InterviewFacts facts) {
        Map<UUID, InterviewFacts> changed = new HashMap<>(interviews);
        changed.put(interviewId, facts);
        return new TimelineState(preferredChannel, changed);
    }
}
