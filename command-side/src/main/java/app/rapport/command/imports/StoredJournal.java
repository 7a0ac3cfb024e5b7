package app.rapport.command.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import app.rapport.events.contact.ContactAdded;
import app.rapport.events.contact.ContactDetailsChanged;
import app.rapport.events.networker.ProfileSet;
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
 */
@Component
class StoredJournal {

    private static final String[] DETAIL_EVENTS = {ContactAdded.class.getName(), ContactDetailsChanged.class.getName()};

    private final JdbcTemplate jdbc;
    private final EventSchema events;

    StoredJournal(JdbcTemplate jdbc, EventSchema events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Makes the owner's imports wait for each other until this transaction ends, so two imports of
     * the same file cannot both find its people missing and both add them.
     */
    void lockImportsOf(String owner) {
        jdbc.query("SELECT pg_advisory_xact_lock(?)", row -> {
        }, lockKey(owner));
    }

    KnownContacts knownContacts(String owner) {
        KnownContacts known = new KnownContacts();
        jdbc.query("SELECT p ->> 'contactId', " + events.globalIndexColumn() + ", p -> 'details' ->> 'email', "
                        + "p -> 'details' ->> 'profileUrl' FROM (SELECT " + events.globalIndexColumn() + ", convert_from("
                        + events.payloadColumn() + ", 'UTF8')::jsonb AS p FROM " + events.domainEventTable() + " WHERE "
                        + events.payloadTypeColumn() + " = ANY (?)) details WHERE p ->> 'ownerId' = ?",
                row -> {
                    known.recorded(UUID.fromString(row.getString(1)), row.getLong(2), row.getString(3), row.getString(4));
                },
                array("varchar", DETAIL_EVENTS), owner);
        return known;
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

    private static long lockKey(String owner) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("rapport-import\n" + owner).getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                key = key << 8 | (digest[i] & 0xFF);
            }
            return key;
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }
}
