package app.rapport.query.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.events.contact.ContactErased;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The events of some contacts' streams that were recorded by a moment, read from the event store
 * in one statement and upcast and deserialized by Axon's own serializer and upcasters, as a
 * processor receives them (with their global index as tracking token).
 * <p>
 * Reading each stream through {@code EventStore#readEvents} costs a statement per contact; an
 * owner has tens of contacts, and one statement over the store's (aggregate, sequence) index
 * reads them all. Table and column names come from Axon's {@link EventSchema}, as in the
 * platform's {@code EventStoreTables}.
 * <p>
 * A review asks many questions of one journal as of one or a few moments (the contact list, the
 * overdue view, analytics, a contact after another), and reading and deserializing the streams
 * was half of each question's CPU. So the streams read are kept for {@link #KEPT_FOR}, and each
 * question first asks the store how long the streams are now (one statement over the same index):
 * a stream is append-only with contiguous sequence numbers, so one as long as the kept one is the
 * kept one, and only the streams that grew (or were never read) are read again, whole. The
 * answers are exactly those of reading every stream each time, whatever clock stamped the
 * events. At most {@link #MAX_EVENTS} events are kept, the least recently asked-about streams
 * going first. Kept events hold personal data as read: an erasure appends an event, so the
 * erased contact's stream is read again at its next question, and elsewhere they expire.
 */
@Component
class RecordedEvents {

    static final Duration KEPT_FOR = Duration.ofSeconds(60);
    /** About 1.5 KB each, serialized and deserialized: some 30 MB, the journals of ~50 reviews at once. */
    static final int MAX_EVENTS = 20_000;

    private final JdbcTemplate jdbc;
    private final org.axonframework.config.Configuration axon;
    private final Clock clock;
    private final String select;
    private final String lengths;
    private final Streams kept = new Streams();

    RecordedEvents(JdbcTemplate jdbc, EventSchema schema, org.axonframework.config.Configuration axon, Clock clock) {
        this.jdbc = jdbc;
        this.axon = axon;
        this.clock = clock;
        this.select = "SELECT " + String.join(", ", schema.globalIndexColumn(), schema.typeColumn(),
                schema.aggregateIdentifierColumn(), schema.sequenceNumberColumn(), schema.eventIdentifierColumn(),
                schema.timestampColumn(), schema.payloadTypeColumn(), schema.payloadRevisionColumn(),
                schema.payloadColumn(), schema.metaDataColumn())
                + " FROM " + schema.domainEventTable()
                + " WHERE " + schema.aggregateIdentifierColumn() + " = ANY(?)"
                + " ORDER BY " + schema.aggregateIdentifierColumn() + ", " + schema.sequenceNumberColumn();
        // the last sequence number of each stream, one backward probe of the (aggregate, sequence)
        // index each, rather than reading every event of the streams to group them (EXPLAIN ANALYZE,
        // 50 streams of ~9 events: 0.33 against 0.50 ms, planning 0.25 against 0.44 ms)
        this.lengths = "SELECT stream, last FROM unnest(?::varchar[]) AS stream, LATERAL (SELECT max("
                + schema.sequenceNumberColumn() + ") AS last FROM " + schema.domainEventTable()
                + " WHERE " + schema.aggregateIdentifierColumn() + " = stream) AS length WHERE last IS NOT NULL";
    }

    /**
     * One event of a stream, with the moment it was recorded parsed once, and whether it is an
     * erasure looked up once (a serialized message resolves its payload type at every call).
     */
    private record Recorded(TrackedEventMessage<?> message, Instant recordedAt, long position, boolean erasure) {

        Recorded(TrackedEventMessage<?> message, long position) {
            this(message, message.getTimestamp(), position, message.getPayloadType() == ContactErased.class);
        }
    }

    /**
     * A stream as read: its events in sequence, and the last sequence number read.
     *
     * @param lastSequence of the last event stored, which an upcaster may have dropped from {@code events}
     */
    private record Stream(List<Recorded> events, long lastSequence, Instant expiresAt) {
    }

    /**
     * The contacts' events recorded by {@code asOf}, in the order of the store (global index).
     * Each stream is taken from its first event up to the first one recorded after {@code asOf}:
     * what was recorded by then, even if a later event carries an earlier timestamp (clocks of two
     * writers that disagree), since a projection folds a stream in its order. A contact's erasure
     * comes with its stream whenever it was recorded: the journal as of any moment no longer shows
     * what was forgotten since (and still counts its facts, which an erasure keeps).
     */
    List<TrackedEventMessage<?>> recordedBy(Collection<UUID> contacts, Instant asOf) {
        if (contacts.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Map<String, Long> lastSequences = lastSequences(contacts.stream().map(UUID::toString).distinct().toArray());
        List<Recorded> events = new ArrayList<>();
        List<String> toRead = new ArrayList<>();
        lastSequences.forEach((contact, lastSequence) -> {
            Stream stream = kept.get(contact, lastSequence, now);
            if (stream == null) {
                toRead.add(contact);
            } else {
                addRecordedBy(stream.events(), asOf, events);
            }
        });
        if (!toRead.isEmpty()) {
            read(toRead, now).forEach((contact, stream) -> {
                addRecordedBy(stream.events(), asOf, events);
                kept.put(contact, stream);
            });
        }
        events.sort(Comparator.comparingLong(Recorded::position));
        return events.stream().<TrackedEventMessage<?>>map(Recorded::message).toList();
    }

    private static void addRecordedBy(List<Recorded> stream, Instant asOf, List<Recorded> into) {
        boolean stopped = false;
        for (Recorded event : stream) {
            // the stream stops at its first event recorded after asOf; an erasure comes all the same
            stopped = stopped || event.recordedAt().isAfter(asOf);
            if (!stopped || event.erasure()) {
                into.add(event);
            }
        }
    }

    /** How long each stream that exists is now: the sequence number of its last event. */
    private Map<String, Long> lastSequences(Object[] contacts) {
        Map<String, Long> lastSequences = new LinkedHashMap<>();
        // a block, so the callback is a RowCallbackHandler (once per row), not a ResultSetExtractor
        jdbc.query(lengths, Sql.varcharArray(contacts), row -> {
            lastSequences.put(row.getString(1), row.getLong(2));
        });
        return lastSequences;
    }

    /** The whole streams of these contacts, upcast and deserialized (lazily, once), by contact. */
    private Map<String, Stream> read(List<String> contacts, Instant now) {
        List<TrackedDomainEventData<?>> stored = new ArrayList<>();
        Map<Long, String> streamAt = new HashMap<>();
        Map<String, Long> lastSequences = new HashMap<>();
        jdbc.query(select, Sql.varcharArray(contacts.toArray()), row -> {
            long position = row.getLong(1);
            String aggregate = row.getString(3);
            long sequence = row.getLong(4);
            stored.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(position),
                    new GenericDomainEventEntry<>(row.getString(2), aggregate, sequence, row.getString(5),
                            row.getString(6), row.getString(7), row.getString(8), row.getBytes(9),
                            row.getBytes(10))));
            streamAt.put(position, aggregate);
            lastSequences.put(aggregate, sequence);
        });
        Map<String, List<Recorded>> events = new LinkedHashMap<>();
        // an upcaster may drop or split an event: each message finds its stream by its position
        EventUtils.upcastAndDeserializeTrackedEvents(stored.stream(), axon.eventSerializer(), axon.upcasterChain())
                .forEach(message -> {
                    long position = position(message.trackingToken());
                    events.computeIfAbsent(streamAt.get(position), ignored -> new ArrayList<>())
                            .add(new Recorded(message, position));
                });
        Instant expiresAt = now.plus(KEPT_FOR);
        Map<String, Stream> streams = new LinkedHashMap<>();
        lastSequences.forEach((contact, lastSequence) -> streams.put(contact,
                new Stream(events.getOrDefault(contact, List.of()), lastSequence, expiresAt)));
        return streams;
    }

    private static long position(org.axonframework.eventhandling.TrackingToken token) {
        return ((GlobalSequenceTrackingToken) token).getGlobalIndex();
    }

    /** The streams kept, least recently asked-about first, bounded by the events they hold. */
    private static final class Streams {

        private final LinkedHashMap<String, Stream> streams = new LinkedHashMap<>(64, 0.75f, true);
        private int events;

        /** The kept stream, if it is still as long as the store's and has not expired. */
        synchronized Stream get(String contact, long lastSequence, Instant now) {
            Stream stream = streams.get(contact);
            if (stream == null) {
                return null;
            }
            if (stream.lastSequence() != lastSequence || !now.isBefore(stream.expiresAt())) {
                remove(contact);
                return null;
            }
            return stream;
        }

        synchronized void put(String contact, Stream stream) {
            remove(contact);
            streams.put(contact, stream);
            events += stream.events().size();
            var eldest = streams.entrySet().iterator();
            while (events > MAX_EVENTS && eldest.hasNext()) {
                events -= eldest.next().getValue().events().size();
                eldest.remove();
            }
        }

        private void remove(String contact) {
            Stream old = streams.remove(contact);
            if (old != null) {
                events -= old.events().size();
            }
        }
    }
}
