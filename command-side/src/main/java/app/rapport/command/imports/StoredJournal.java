package app.rapport.command.imports;

import java.sql.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.ContactDetailsChanged;
import app.rapport.events.contact.ContactErased;
import app.rapport.events.networker.ProfileSet;
import app.rapport.platform.AdvisoryLocks;
import app.rapport.values.ContactDetails;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What an import reads from the event store, in the transaction that will store its events: the
 * owner's contacts as matching needs them, who owns the ids a file names, and whether the owner has
 * a profile. Read from the stored events themselves rather than from a table of the command side's
 * own, since the store is the only state the command side keeps: the owner's contact details are
 * their {@code ContactAdded} and {@code ContactDetailsChanged} events, selected by type and owner
 * in one statement. Table and column names come from Axon's {@link EventSchema}, as in
 * {@code EventStoreTables}.
 * <p>
 * The details are personal data, stored encrypted with each contact's key, so they are read as a
 * processor reads events: upcast and deserialized by Axon's own serializer (which decrypts them),
 * not picked out of the stored JSON. The owner is not personal and stays plain, so SQL selects by
 * it. An erased contact's details read as erased: only its id is known, so a row of the file that
 * made it (the same id) is left unchanged, while its email and profile URL match nobody any more.
 */
@Component
class StoredJournal {

    private static final String[] DETAIL_EVENTS = {ContactAdded.class.getName(), ContactDetailsChanged.class.getName(),
            ContactErased.class.getName()};

    private final JdbcTemplate jdbc;
    private final EventSchema events;
    private final org.axonframework.config.Configuration axon;
    private final String detailsOfOwner;

    StoredJournal(JdbcTemplate jdbc, EventSchema events, org.axonframework.config.Configuration axon) {
        this.jdbc = jdbc;
        this.events = events;
        this.axon = axon;
        this.detailsOfOwner = "SELECT " + String.join(", ", events.globalIndexColumn(), events.typeColumn(),
                events.aggregateIdentifierColumn(), events.sequenceNumberColumn(), events.eventIdentifierColumn(),
                events.timestampColumn(), events.payloadTypeColumn(), events.payloadRevisionColumn(),
                events.payloadColumn(), events.metaDataColumn())
                + " FROM " + events.domainEventTable() + " WHERE " + events.payloadTypeColumn() + " = ANY (?) AND "
                + "convert_from(" + events.payloadColumn() + ", 'UTF8')::jsonb ->> 'ownerId' = ? ORDER BY "
                + events.globalIndexColumn();
    }

    /**
     * Makes the owner's imports wait for each other until this transaction ends, so two imports of
     * the same file cannot both find its people missing and both add them.
     */
    void lockImportsOf(String owner) {
        jdbc.query("SELECT pg_advisory_xact_lock(?)", row -> {
        }, AdvisoryLocks.key("rapport-import\n" + owner));
    }

    KnownContacts knownContacts(String owner) {
        List<TrackedDomainEventData<?>> details = new ArrayList<>();
        Set<String> erased = new HashSet<>();
        KnownContacts known = new KnownContacts();
        jdbc.query(detailsOfOwner, row -> {
            String contact = row.getString(3);
            if (ContactErased.class.getName().equals(row.getString(7))) {
                erased.add(contact);
                known.recorded(UUID.fromString(contact), row.getLong(1), null, null);
                return;
            }
            details.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(row.getLong(1)),
                    new GenericDomainEventEntry<>(row.getString(2), contact, row.getLong(4), row.getString(5),
                            row.getString(6), row.getString(7), row.getString(8), row.getBytes(9), row.getBytes(10))));
        }, array("varchar", DETAIL_EVENTS), owner);
        details.removeIf(event -> erased.contains(event.getAggregateIdentifier()));
        EventUtils.upcastAndDeserializeTrackedEvents(details.stream(), axon.eventSerializer(), axon.upcasterChain())
                .forEach(event -> recordDetails(known, event));
        return known;
    }

    private static void recordDetails(KnownContacts known, TrackedEventMessage<?> event) {
        long position = ((GlobalSequenceTrackingToken) event.trackingToken()).getGlobalIndex();
        if (event.getPayload() instanceof ContactAdded added) {
            recordDetails(known, added.contactId(), position, added.details());
        } else if (event.getPayload() instanceof ContactDetailsChanged changed) {
            recordDetails(known, changed.contactId(), position, changed.details());
        }
    }

    private static void recordDetails(KnownContacts known, UUID contactId, long position, ContactDetails details) {
        known.recorded(contactId, position, details == null ? null : details.email(),
                details == null ? null : details.profileUrl());
    }

    /** The owner of each of these aggregates that exists, as its first event names it. */
    Map<UUID, String> ownersOf(Collection<UUID> contactIds) {
        Map<UUID, String> owners = new HashMap<>();
        if (contactIds.isEmpty()) {
            return owners;
        }
        jdbc.query("SELECT " + events.aggregateIdentifierColumn() + ", convert_from(" + events.payloadColumn()
                        + ", 'UTF8')::jsonb ->> 'ownerId' FROM " + events.domainEventTable() + " WHERE "
                        + events.aggregateIdentifierColumn() + " = ANY (?) AND " + events.sequenceNumberColumn() + " = 0",
                row -> {
                    owners.put(UUID.fromString(row.getString(1)), row.getString(2));
                },
                array("varchar", contactIds.stream().map(UUID::toString).toArray(String[]::new)));
        return owners;
    }

    boolean hasProfile(String owner) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM " + events.domainEventTable()
                        + " WHERE " + events.aggregateIdentifierColumn() + " = ? AND " + events.payloadTypeColumn() + " = ?)",
                Boolean.class, owner, ProfileSet.class.getName()));
    }

    /** The global index of the latest event of any of these aggregates; 0 when none has one. */
    long lastPositionOf(Collection<String> aggregateIds) {
        if (aggregateIds.isEmpty()) {
            return 0;
        }
        Long last = jdbc.queryForObject("SELECT max(" + events.globalIndexColumn() + ") FROM "
                        + events.domainEventTable() + " WHERE " + events.aggregateIdentifierColumn() + " = ANY (?)",
                Long.class, array("varchar", aggregateIds.toArray(String[]::new)));
        return last == null ? 0 : last;
    }

    private Array array(String type, Object[] values) {
        return jdbc.execute((ConnectionCallback<Array>) connection -> connection.createArrayOf(type, values));
    }
}
