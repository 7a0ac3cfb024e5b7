package app.rapport.query.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

import app.rapport.query.support.EventSubject;
import app.rapport.query.support.PersonalData;
import app.rapport.query.support.ProjectionBatch;
import app.rapport.query.support.Sql;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit entries of one batch of events, written in one statement that reads each entry's
 * position and type from its stored event: the event's own global index (not the tracking
 * token's position, which for an event that commits after later ones names the highest index
 * seen, so live and rebuilt rows would disagree; the crash test caught that) and the type as
 * stored. The acting user and the correlation id come from the event's metadata. The payload is the event as the serializer reads it, written as JSON here: the stored one
 * keeps personal data encrypted, which an audit reader could not read and SQL could not filter on.
 * A redelivered event meets its row and changes nothing.
 * <p>
 * An erasure in the batch rewrites the payloads already filed that hold the erased subject's
 * personal data ({@link PersonalData}) after the batch's entries are written, so that they read
 * as the store now reads them, and as a replay files them.
 */
final class AuditBatch extends ProjectionBatch {

    private static final Logger log = LoggerFactory.getLogger(AuditBatch.class);

    /**
     * Every column of audit_entry: the owner, the contact, the actor and the correlation id as the
     * projection read them from the event and its metadata, the position and the type from the
     * stored event; the placeholder is {@link app.rapport.platform.axon.EventStoreTables#storedEvents()}.
     * (Reading the owner, the contact and the metadata out of JSON here instead took twice
     * PostgreSQL's time for this statement: 1 222 against 626 ms for 36 389 events.)
     * <p>
     * It is planned for every batch ({@link Sql#plannedEachTime}): a plan kept since the store held
     * 126 events hashed each batch against a scan of the whole store (35 ms of an 87 ms insert at
     * 10 232 events). Written as a lateral lookup instead, the sub-query was pulled up into the
     * same join.
     */
    static final String INSERT = """
            INSERT INTO audit_entry (event_id, position, owner_id, contact_id, type, at, recorded_at, actor,
                                     correlation_id, payload)
            SELECT e.event_id, e.global_index, b.owner_id, b.contact_id::uuid,
                   regexp_replace(e.payload_type, '^.*[.$]', ''), b.at::timestamptz, b.recorded_at::timestamptz,
                   b.actor, b.correlation_id, b.payload::jsonb
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                 AS b(event_id, at, recorded_at, payload, owner_id, contact_id, actor, correlation_id)
            JOIN (%s) e ON e.event_id = b.event_id
            ON CONFLICT (event_id) DO NOTHING""";

    /**
     * The filed entries that may hold a contact's personal data: its own, and any other of the
     * owner's that names it (a referral to it); the placeholder as in {@link #INSERT}.
     */
    static final String OF_CONTACT = """
            SELECT a.event_id, a.payload, e.payload_type FROM audit_entry a JOIN (%s) e ON e.event_id = a.event_id
            WHERE a.owner_id = ? AND (a.contact_id = ? OR strpos(a.payload::text, ?) > 0)""";

    /** Every filed entry of an owner; the placeholder as in {@link #INSERT}. */
    static final String OF_OWNER = """
            SELECT a.event_id, a.payload, e.payload_type FROM audit_entry a JOIN (%s) e ON e.event_id = a.event_id
            WHERE a.owner_id = ?""";

    private final JdbcTemplate jdbc;
    private final String storedEvents;
    private final List<String> eventIds = new ArrayList<>();
    private final List<String> ats = new ArrayList<>();
    private final List<String> recordedAts = new ArrayList<>();
    private final List<String> payloads = new ArrayList<>();
    private final List<String> owners = new ArrayList<>();
    private final List<String> contacts = new ArrayList<>();
    private final List<String> actors = new ArrayList<>();
    private final List<String> correlations = new ArrayList<>();
    private final List<Runnable> erasures = new ArrayList<>();

    private AuditBatch(JdbcTemplate jdbc, String storedEvents) {
        this.jdbc = jdbc;
        this.storedEvents = storedEvents;
    }

    /** @param storedEvents {@link app.rapport.platform.axon.EventStoreTables#storedEvents()} */
    static AuditBatch of(Object projection, JdbcTemplate jdbc, String storedEvents) {
        return current(projection, events -> new AuditBatch(jdbc, storedEvents));
    }

    /**
     * @param subject whose journal the event is in, and the contact it is about, if any
     * @param at when it happened, to the microsecond; null for events without one
     * @param recordedAt the event's timestamp, to the microsecond
     * @param payload the event as the serializer reads it
     * @param metaData the event's, with the acting user and the correlation id
     */
    void add(String eventId, EventSubject subject, Instant at, Instant recordedAt, Object payload, MetaData metaData) {
        eventIds.add(eventId);
        ats.add(at == null ? null : at.toString());
        recordedAts.add(recordedAt.toString());
        payloads.add(Sql.json(payload));
        owners.add(subject.ownerId());
        contacts.add(subject.contactId() == null ? null : subject.contactId().toString());
        actors.add(Objects.toString(metaData.get("actor"), null));
        correlations.add(Objects.toString(metaData.get("correlationId"), null));
    }

    /** The contact's personal data reads as erased in every entry, once the batch's entries are filed. */
    void contactErased(String ownerId, UUID contactId) {
        erasures.add(() -> rewrite(jdbc.queryForList(OF_CONTACT.formatted(storedEvents), ownerId, contactId,
                contactId.toString()), contactId::equals));
    }

    /** The networker's own personal data (profile, mentors, erasure reasons) reads as erased in every entry. */
    void networkerErased(String networkerId) {
        erasures.add(() -> rewrite(jdbc.queryForList(OF_OWNER.formatted(storedEvents), networkerId),
                networkerId::equals));
    }

    private void rewrite(List<Map<String, Object>> entries, Predicate<Object> erased) {
        Map<String, String> rewritten = new LinkedHashMap<>();
        for (Map<String, Object> entry : entries) {
            String eventId = (String) entry.get("event_id");
            Class<?> type = eventType((String) entry.get("payload_type"));
            if (type == null) {
                log.warn("Audit entry {} is of an event type this version does not know; its payload is left as filed",
                        eventId);
                continue;
            }
            Object payload = Sql.json(entry.get("payload").toString(), type);
            Object erasedPayload = PersonalData.erased(payload, erased);
            if (erasedPayload != payload) {
                rewritten.put(eventId, Sql.json(erasedPayload));
            }
        }
        if (rewritten.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("UPDATE audit_entry SET payload = ?::jsonb WHERE event_id = ?", rewritten.entrySet(),
                rewritten.size(), (statement, row) -> {
                    statement.setString(1, row.getValue());
                    statement.setString(2, row.getKey());
                });
    }

    private static Class<?> eventType(String name) {
        try {
            return Class.forName(name, false, AuditBatch.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    @Override
    protected void write() {
        if (!eventIds.isEmpty()) {
            jdbc.update(INSERT.formatted(storedEvents), statement -> {
                Sql.plannedEachTime(statement);
                statement.setArray(1, statement.getConnection().createArrayOf("text", eventIds.toArray()));
                statement.setArray(2, statement.getConnection().createArrayOf("text", ats.toArray()));
                statement.setArray(3, statement.getConnection().createArrayOf("text", recordedAts.toArray()));
                statement.setArray(4, statement.getConnection().createArrayOf("text", payloads.toArray()));
                statement.setArray(5, statement.getConnection().createArrayOf("text", owners.toArray()));
                statement.setArray(6, statement.getConnection().createArrayOf("text", contacts.toArray()));
                statement.setArray(7, statement.getConnection().createArrayOf("text", actors.toArray()));
                statement.setArray(8, statement.getConnection().createArrayOf("text", correlations.toArray()));
            });
        }
        erasures.forEach(Runnable::run);
    }
}
