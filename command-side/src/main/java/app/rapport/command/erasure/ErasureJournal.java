package app.rapport.command.erasure;

import java.sql.Array;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.ContactErased;
import app.rapport.events.networker.AccountErased;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What erasures read from the event store, the only state the command side keeps: whose contacts
 * there are, and which erasures the store records. Only what is never personal is read (ids, the
 * owner, event types), so none of it needs a key. Table and column names come from Axon's
 * {@link EventSchema}, as in {@code EventStoreTables}.
 */
@Component
class ErasureJournal {

    private final JdbcTemplate jdbc;
    private final EventSchema events;

    ErasureJournal(JdbcTemplate jdbc, EventSchema events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * A contact as the store holds it.
     *
     * @param ownerId whose journal it is, as its first event names it
     * @param erased whether its stream records {@code ContactErased}
     */
    record StoredContact(UUID contactId, String ownerId, boolean erased) {
    }

    /** Every contact of the owner's journal, in the order they were added, erased or not. */
    List<StoredContact> contactsOf(String owner) {
        List<StoredContact> contacts = new ArrayList<>();
        jdbc.query("SELECT a." + events.aggregateIdentifierColumn() + ", " + erasedColumn("a") + " FROM "
                        + events.domainEventTable() + " a WHERE a." + events.sequenceNumberColumn() + " = 0 AND a."
                        + events.payloadTypeColumn() + " = ? AND " + ownerOf("a") + " = ? ORDER BY a."
                        + events.globalIndexColumn(),
                row -> {
                    contacts.add(new StoredContact(UUID.fromString(row.getString(1)), owner, row.getBoolean(2)));
                },
                ContactErased.class.getName(), ContactAdded.class.getName(), owner);
        return contacts;
    }

    /** Those of these contacts the store holds; a contact added after the store's last event is absent. */
    Map<UUID, StoredContact> contacts(Collection<UUID> contactIds) {
        Map<UUID, StoredContact> contacts = new HashMap<>();
        if (contactIds.isEmpty()) {
            return contacts;
        }
        jdbc.query("SELECT a." + events.aggregateIdentifierColumn() + ", " + ownerOf("a") + ", " + erasedColumn("a")
                        + " FROM " + events.domainEventTable() + " a WHERE a." + events.aggregateIdentifierColumn()
                        + " = ANY (?) AND a." + events.sequenceNumberColumn() + " = 0 AND a." + events.payloadTypeColumn()
                        + " = ?",
                row -> {
                    UUID id = UUID.fromString(row.getString(1));
                    contacts.put(id, new StoredContact(id, row.getString(2), row.getBoolean(3)));
                },
                ContactErased.class.getName(),
                array(contactIds.stream().map(UUID::toString).distinct().toArray(String[]::new)),
                ContactAdded.class.getName());
        return contacts;
    }

    /** Those of these networkers whose account erasure the store records. */
    Set<String> erasedAccounts(Collection<String> networkerIds) {
        Set<String> erased = new HashSet<>();
        if (networkerIds.isEmpty()) {
            return erased;
        }
        jdbc.query("SELECT " + events.aggregateIdentifierColumn() + " FROM " + events.domainEventTable() + " WHERE "
                        + events.aggregateIdentifierColumn() + " = ANY (?) AND " + events.payloadTypeColumn() + " = ?",
                row -> {
                    erased.add(row.getString(1));
                },
                array(networkerIds.stream().distinct().toArray(String[]::new)), AccountErased.class.getName());
        return erased;
    }

    /**
     * An erasure the store records.
     *
     * @param contactId the contact erased, null for a networker's own account
     * @param ownerId the networker whose contact it was, or whose account
     * @param recordedAt when its event was stored
     */
    record RecordedErasure(UUID contactId, String ownerId, Instant recordedAt) {
    }

    /** Every erasure the store records, contacts and accounts, oldest first. */
    List<RecordedErasure> recordedErasures() {
        List<RecordedErasure> erasures = new ArrayList<>();
        jdbc.query("SELECT " + events.payloadTypeColumn() + ", " + events.aggregateIdentifierColumn() + ", "
                        + "convert_from(" + events.payloadColumn() + ", 'UTF8')::jsonb ->> 'ownerId', "
                        + events.timestampColumn() + " FROM " + events.domainEventTable() + " WHERE "
                        + events.payloadTypeColumn() + " = ANY (?) ORDER BY " + events.globalIndexColumn(),
                row -> {
                    Instant recorded = DateTimeUtils.parseInstant(row.getString(4));
                    if (ContactErased.class.getName().equals(row.getString(1))) {
                        erasures.add(new RecordedErasure(UUID.fromString(row.getString(2)), row.getString(3), recorded));
                    } else {
                        erasures.add(new RecordedErasure(null, row.getString(2), recorded));
                    }
                },
                array(new String[] {ContactErased.class.getName(), AccountErased.class.getName()}));
        return erasures;
    }

    // whether the stream of the contact in `alias` records its erasure (found by the store's (aggregate, sequence) key)
    private String erasedColumn(String alias) {
        return "EXISTS (SELECT 1 FROM " + events.domainEventTable() + " e WHERE e." + events.aggregateIdentifierColumn()
                + " = " + alias + "." + events.aggregateIdentifierColumn() + " AND e." + events.payloadTypeColumn()
                + " = ?)";
    }

    // the owner is never personal data: it stays plain in the stored JSON
    private String ownerOf(String alias) {
        return "convert_from(" + alias + "." + events.payloadColumn() + ", 'UTF8')::jsonb ->> 'ownerId'";
    }

    private Array array(String[] values) {
        return jdbc.execute((ConnectionCallback<Array>) connection -> connection.createArrayOf("varchar", values));
    }
}
