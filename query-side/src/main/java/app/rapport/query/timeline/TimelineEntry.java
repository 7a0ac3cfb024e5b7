package app.rapport.query.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One line of a relationship's timeline, as the pure {@link Timeline} function derives it.
 *
 * @param at when it happened, as the networker tells it (the order of the timeline)
 * @param recordedAt when it was recorded: the event's timestamp
 * @param sequence the event's position in the contact's stream, the tie-breaker for equal {@code at}
 */
public record TimelineEntry(String eventId, String ownerId, UUID contactId, long sequence, Instant at,
                            Instant recordedAt, String type, String summary, UUID interviewId,
                            Map<String, Object> details, List<Flag> flags) {
}
