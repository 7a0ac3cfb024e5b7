package app.rapport.query.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import app.rapport.events.contact.ContactErased;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
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
 */
@Component
class RecordedEvents {

    /** The stored type of {@link ContactErased}. */
    private static final String ERASURE = ContactErased.class.getName();

    private final JdbcTemplate jdbc;
    private final org.axonframework.config.Configuration axon;
    private final String select;

    RecordedEvents(JdbcTemplate jdbc, EventSchema schema, org.axonframework.config.Configuration axon) {
        this.jdbc = jdbc;
        this.axon = axon;
        // time_stamp is Axon's fixed-width text (2026-03-10T12:00:00.000Z), compared byte by byte; the
        // bound is a second past asOf, and the exact cut is made on the parsed instant below
        this.select = "SELECT " + String.join(", ", schema.globalIndexColumn(), schema.typeColumn(),
                schema.aggregateIdentifierColumn(), schema.sequenceNumberColumn(), schema.eventIdentifierColumn(),
                schema.timestampColumn(), schema.payloadTypeColumn(), schema.payloadRevisionColumn(),
                schema.payloadColumn(), schema.metaDataColumn())
                + " FROM " + schema.domainEventTable()
                + " WHERE " + schema.aggregateIdentifierColumn() + " = ANY(?)"
                + " AND (" + schema.timestampColumn() + " COLLATE \"C\" < ? OR " + schema.payloadTypeColumn() + " = ?)"
                + " ORDER BY " + schema.aggregateIdentifierColumn() + ", " + schema.sequenceNumberColumn();
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
        Object[] ids = contacts.stream().map(UUID::toString).distinct().toArray();
        List<TrackedDomainEventData<?>> stored = new ArrayList<>();
        String[] stream = {null};
        long[] next = {0};
        jdbc.query(select, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("varchar", ids));
            statement.setString(2, DateTimeUtils.formatInstant(asOf.plusSeconds(1)));
            statement.setString(3, ERASURE);
        }, row -> {
            String aggregate = row.getString(3);
            long sequence = row.getLong(4);
            if (!aggregate.equals(stream[0])) {
                stream[0] = aggregate;
                next[0] = 0;
            }
            if (ERASURE.equals(row.getString(7))) {
                stored.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(row.getLong(1)),
                        entry(row, aggregate, sequence)));
                return;
            }
            if (sequence != next[0]) {
                return;  // the stream stopped before this event
            }
            DomainEventData<byte[]> event = entry(row, aggregate, sequence);
            if (event.getTimestamp().isAfter(asOf)) {
                next[0] = -1;
                return;
            }
            next[0]++;
            stored.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(row.getLong(1)), event));
        });
        stored.sort(Comparator.comparingLong(event -> position(event.trackingToken())));
        return EventUtils.upcastAndDeserializeTrackedEvents(stored.stream(), axon.eventSerializer(),
                axon.upcasterChain()).toList();
    }

    private static DomainEventData<byte[]> entry(ResultSet row, String aggregate, long sequence) throws SQLException {
        return new GenericDomainEventEntry<>(row.getString(2), aggregate, sequence, row.getString(5), row.getString(6),
                row.getString(7), row.getString(8), row.getBytes(9), row.getBytes(10));
    }

    private static long position(org.axonframework.eventhandling.TrackingToken token) {
        return ((GlobalSequenceTrackingToken) token).getGlobalIndex();
    }
}
