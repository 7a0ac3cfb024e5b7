package app.rapport.query.feed;

import app.rapport.events.networker.WebhookRegistered;
import app.rapport.query.support.EventSubject;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads one journal's events after a position straight from the event store, as the serializer
 * reads them, in the order of the store: the feed's answers and the webhooks' deliveries.
 * <p>
 * <b>Never past a hole that may still fill.</b> The global index is handed out when an event is
 * inserted, not when its transaction commits: position 41 can become visible after 42. A consumer
 * given 42 would store {@code next = 42} and never see 41. So a read stops before the first
 * missing position it finds, until that hole has been seen for {@code holeWait}; a hole that old
 * is one a transaction left when it rolled back (a writer that lost a race), which never fills.
 * <p>
 * <b>Finding the owner's events.</b> Contact events hold {@code "ownerId":"<owner>"} in their
 * plain JSON payload (ids are never encrypted), networker events have the owner as their
 * aggregate; rows are preselected by those bytes and each event is then checked by its type
 * ({@link EventSubject}). A read covers at most {@value #WINDOW} positions of the store: a
 * consumer at the head reads a few rows, one catching up over a large store reads it in windows,
 * each a scan of one range of the primary key, without an index or read model that could lag.
 * Measured here on a store of 1 000 000 events of 2 000 owners (docs/webhooks.md): a window of
 * 10 000 positions is counted in 1–8 ms and searched for one owner's events in 7–14 ms once warm
 * (72 ms cold), a read at the head in under 5 ms.
 */
@Component
public class EventFeed {

    static final long WINDOW = 10_000;
    private static final ObjectMapper DATA = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final int HOLES_REMEMBERED = 10_000;

    private final JdbcTemplate jdbc;
    private final org.axonframework.config.Configuration axon;
    private final Duration holeWait;
    private final String select;
    private final String count;
    private final String missing;
    private final String head;
    /** When this process first saw each hole, in nanoTime; oldest first. */
    private final Map<Long, Long> holesSeen = new LinkedHashMap<>();

    EventFeed(JdbcTemplate jdbc, EventSchema schema, org.axonframework.config.Configuration axon,
              FeedSettings settings) {
        this.jdbc = jdbc;
        this.axon = axon;
        this.holeWait = settings.holeWait();
        String table = schema.domainEventTable();
        String index = schema.globalIndexColumn();
        this.select = "SELECT " + String.join(", ", index, schema.typeColumn(), schema.aggregateIdentifierColumn(),
                schema.sequenceNumberColumn(), schema.eventIdentifierColumn(), schema.timestampColumn(),
                schema.payloadTypeColumn(), schema.payloadRevisionColumn(), schema.payloadColumn(),
                schema.metaDataColumn())
                + " FROM " + table + " WHERE " + index + " > ? AND " + index + " <= ?"
                + " AND (" + schema.aggregateIdentifierColumn() + " = ? OR position(?::bytea IN "
                + schema.payloadColumn() + ") > 0)"
                + " ORDER BY " + index + " LIMIT ?";
        this.count = "SELECT count(*) FROM " + table + " WHERE " + index + " > ? AND " + index + " <= ?";
        this.missing = "SELECT s.i FROM generate_series(?::bigint, ?::bigint) s(i) WHERE NOT EXISTS (SELECT 1 FROM "
                + table + " WHERE " + index + " = s.i) ORDER BY s.i";
        this.head = "SELECT coalesce(max(" + index + "), 0) FROM " + table;
    }

    /** The global index of the newest event stored. */
    public long head() {
        Long at = jdbc.queryForObject(head, Long.class);
        return at == null ? 0 : at;
    }

    /**
     * Up to {@code limit} events of the owner's journal after {@code after} whose type name
     * {@code wanted} accepts, oldest first, and where to go on from.
     */
    public FeedPage read(String ownerId, long after, int limit, Predicate<String> wanted) {
        long upTo = safeUpTo(after, Math.min(head(), after + WINDOW));
        if (upTo <= after) {
            return new FeedPage(List.of(), after);
        }
        List<FeedItem> items = new ArrayList<>();
        long scannedTo = after;
        // the byte match preselects; a few rows may be someone else's (an owner named inside a note)
        while (items.size() < limit && scannedTo < upTo) {
            int asked = limit - items.size();
            List<TrackedEventMessage<?>> events = candidates(ownerId, scannedTo, upTo, asked);
            for (TrackedEventMessage<?> event : events) {
                long position = position(event);
                scannedTo = Math.max(scannedTo, position);
                itemOf(ownerId, event, position).filter(item -> wanted.test(item.type())).ifPresent(items::add);
            }
            if (events.size() < asked) {
                // fewer rows than asked for: none is left up to upTo (an upcaster may drop some; that too)
                scannedTo = upTo;
            }
        }
        long next = items.size() >= limit ? items.get(items.size() - 1).position() : scannedTo;
        return new FeedPage(items, Math.max(next, after));
    }

    /** Whether the feed has events after {@code position} it could answer with now, whoever they belong to. */
    boolean hasEventsAfter(long position) {
        return head() > position;
    }

    private List<TrackedEventMessage<?>> candidates(String ownerId, long after, long upTo, int limit) {
        byte[] marker = ("\"ownerId\":" + DATA.valueToTree(ownerId).toString()).getBytes(StandardCharsets.UTF_8);
        List<TrackedDomainEventData<?>> stored = new ArrayList<>();
        jdbc.query(select, row -> {
            stored.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(row.getLong(1)),
                    new GenericDomainEventEntry<>(row.getString(2), row.getString(3), row.getLong(4), row.getString(5),
                            row.getString(6), row.getString(7), row.getString(8), row.getBytes(9),
                            row.getBytes(10))));
        }, after, upTo, ownerId, marker, limit);
        return EventUtils.upcastAndDeserializeTrackedEvents(stored.stream(), axon.eventSerializer(),
                axon.upcasterChain()).collect(java.util.stream.Collectors.toList());
    }

    private static Optional<FeedItem> itemOf(String ownerId, TrackedEventMessage<?> event, long position) {
        Object payload = event.getPayload();
        Optional<EventSubject> subject = EventSubject.of(payload);
        if (subject.isEmpty() || !subject.get().ownerId().equals(ownerId)) {
            return Optional.empty();
        }
        JsonNode data = DATA.valueToTree(payload);
        if (payload instanceof WebhookRegistered && data instanceof ObjectNode object) {
            // the signing secret is shown once, when it is made; the journal says only that there is one
            object.remove("secret");
        }
        String about = subject.get().aboutContact() ? subject.get().contactId().toString() : ownerId;
        return Optional.of(FeedItem.of(event.getIdentifier(), payload.getClass().getSimpleName(), ownerId,
                event.getTimestamp(), position, about, data));
    }

    /**
     * The highest position up to {@code upTo} before which no hole may still fill: {@code upTo}
     * when the range has no hole, else just before the first hole seen for less than the wait.
     */
    private long safeUpTo(long after, long upTo) {
        if (upTo <= after) {
            return upTo;
        }
        Long stored = jdbc.queryForObject(count, Long.class, after, upTo);
        if (stored != null && stored == upTo - after) {
            return upTo;
        }
        List<Long> holes = jdbc.queryForList(missing, Long.class, after + 1, upTo);
        long now = System.nanoTime();
        synchronized (holesSeen) {
            for (Long hole : holes) {
                long firstSeen = holesSeen.computeIfAbsent(hole, ignored -> now);
                if (now - firstSeen < holeWait.toNanos()) {
                    return hole - 1;
                }
            }
            forgetOldest();
        }
        return upTo;
    }

    private void forgetOldest() {
        Iterator<Long> oldest = holesSeen.keySet().iterator();
        while (holesSeen.size() > HOLES_REMEMBERED && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    private static long position(TrackedEventMessage<?> event) {
        return ((GlobalSequenceTrackingToken) event.trackingToken()).getGlobalIndex();
    }
}
