package app.rapport.platform.axon;

import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The little about Axon's own tables that Axon's API does not offer, in one place, with the
 * table and column names taken from the same {@link EventSchema} and {@link TokenSchema} the
 * storage engine and the token store are built with. Everything else goes through Axon: the head
 * of the store is {@code EventStore#createHeadToken()}, a local processor's progress its
 * {@code processingStatus()}.
 */
public class EventStoreTables {

    private final JdbcTemplate jdbc;
    private final EventSchema events;
    private final TokenSchema tokens;
    private final Serializer serializer;

    /** @param serializer the one the token store writes tokens with */
    public EventStoreTables(JdbcTemplate jdbc, EventSchema events, TokenSchema tokens, Serializer serializer) {
        this.jdbc = jdbc;
        this.events = events;
        this.tokens = tokens;
        this.serializer = serializer;
    }

    /**
     * The token each segment of a processor has stored, whichever instance owns it; null for a
     * segment that has none yet. The token store cannot do this: it reads a token only by claiming
     * its segment, which would take the segment from the instance processing it.
     */
    public List<TrackingToken> storedTokens(String processorName) {
        return jdbc.query("SELECT " + tokens.tokenColumn() + ", " + tokens.tokenTypeColumn() + " FROM "
                        + tokens.tokenTable() + " WHERE " + tokens.processorNameColumn() + " = ?",
                (row, n) -> {
                    byte[] token = row.getBytes(1);
                    return token == null ? null : serializer.<byte[], TrackingToken>deserialize(
                            new SimpleSerializedObject<>(token, byte[].class, row.getString(2), null));
                },
                processorName);
    }

    /** One segment of a processor as the token store holds it: its id and its token, null if none yet. */
    public record SegmentToken(int segmentId, TrackingToken token) {
    }

    /**
     * Every segment of a processor with the token it has stored, whichever instance owns it, read in
     * one statement so a split or merge is seen whole: the ids are all the segments there are, from
     * which {@code Segment.computeSegment} gives each one's mask.
     */
    public List<SegmentToken> storedSegmentTokens(String processorName) {
        return jdbc.query("SELECT " + tokens.segmentColumn() + ", " + tokens.tokenColumn() + ", "
                        + tokens.tokenTypeColumn() + " FROM " + tokens.tokenTable() + " WHERE "
                        + tokens.processorNameColumn() + " = ?",
                (row, n) -> {
                    byte[] token = row.getBytes(2);
                    return new SegmentToken(row.getInt(1), token == null ? null
                            : serializer.<byte[], TrackingToken>deserialize(
                                    new SimpleSerializedObject<>(token, byte[].class, row.getString(3), null)));
                },
                processorName);
    }

    /**
     * The aggregate identifier of each stored event from global index {@code from} to {@code to},
     * both included, by index: what the default sequencing policy sorts events into segments by.
     * Missing indexes are gaps. An event's aggregate is fixed once stored.
     */
    public NavigableMap<Long, String> aggregatesBetween(long from, long to) {
        NavigableMap<Long, String> aggregates = new TreeMap<>();
        jdbc.query("SELECT " + events.globalIndexColumn() + ", " + events.aggregateIdentifierColumn() + " FROM "
                        + events.domainEventTable() + " WHERE " + events.globalIndexColumn() + " BETWEEN ? AND ?",
                row -> {
                    aggregates.put(row.getLong(1), row.getString(2));
                },
                from, to);
        return aggregates;
    }

    /**
     * The global index of an aggregate's event by its sequence number: fixed once stored, since the
     * store's unique key gives each sequence number to one event and events are never deleted.
     */
    public long positionOf(String aggregateId, long sequenceNumber) {
        return jdbc.queryForObject("SELECT " + events.globalIndexColumn() + " FROM " + events.domainEventTable()
                        + " WHERE " + events.aggregateIdentifierColumn() + " = ? AND " + events.sequenceNumberColumn()
                        + " = ?", Long.class, aggregateId, sequenceNumber);
    }

    /**
     * The stored events as a sub-query, for a statement that reads them as stored in one go (the
     * audit trail copies payload and metadata without converting them in Java). Its columns:
     * {@code event_id}, {@code global_index}, {@code payload_type}, and {@code payload} and
     * {@code meta_data} as the serializer wrote them (bytes, the metadata possibly null).
     */
    public String storedEvents() {
        return "SELECT " + events.eventIdentifierColumn() + " AS event_id, " + events.globalIndexColumn()
                + " AS global_index, " + events.payloadTypeColumn() + " AS payload_type, " + events.payloadColumn()
                + " AS payload, " + events.metaDataColumn() + " AS meta_data FROM " + events.domainEventTable();
    }
}
