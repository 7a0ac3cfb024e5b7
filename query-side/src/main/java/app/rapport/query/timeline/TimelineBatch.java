package app.rapport.query.timeline;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import app.rapport.query.support.EventSubject;
import app.rapport.query.support.ProjectionBatch;
import app.rapport.query.support.Sql;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The timeline states of the contacts one batch of events is about (read in one statement) and
 * the entries the batch adds or derives again; both written in one batched statement per table,
 * after the rows of contacts erased in the batch are deleted.
 */
final class TimelineBatch extends ProjectionBatch {

    private final JdbcTemplate jdbc;
    private final Map<UUID, TimelineStateRow> states = new HashMap<>();
    private final Map<UUID, TimelineStateRow> changedStates = new LinkedHashMap<>();
    private final Map<String, TimelineEntry> entries = new LinkedHashMap<>();
    private final Set<EventSubject> erased = new LinkedHashSet<>();

    private final Predicate<UUID> erasedContact;

    private TimelineBatch(JdbcTemplate jdbc, Predicate<UUID> erasedContact, List<? extends EventMessage<?>> events) {
        this.jdbc = jdbc;
        this.erasedContact = erasedContact;
        Sql.ofContacts(jdbc, "SELECT * FROM timeline_state WHERE owner_id = ANY(?) AND contact_id = ANY(?)",
                        EventSubject.contactsOf(events), TimelineStateRow.MAPPER)
                .forEach(state -> states.put(state.contactId(), state));
    }

    static TimelineBatch of(Object projection, JdbcTemplate jdbc, Predicate<UUID> erasedContact) {
        return current(projection, events -> new TimelineBatch(jdbc, erasedContact, events));
    }

    /** The contact's state as the batch has it, or a new empty one. */
    TimelineStateRow state(EventSubject contact) {
        return states.getOrDefault(contact.contactId(), TimelineStateRow.empty(contact.contactId(), contact.ownerId()));
    }

    void advanced(TimelineStateRow state) {
        states.put(state.contactId(), state);
        changedStates.put(state.contactId(), state);
    }

    /** A new entry, or one derived again after a correction or a retraction, which replaces it. */
    void add(TimelineEntry entry) {
        entries.put(entry.eventId(), entry);
    }

    /**
     * Drops the contact's timeline, as read and as changed so far (its stored rows are deleted when
     * the batch writes), and names it as erased in the referrals of other contacts that name it.
     */
    void erase(EventSubject contact) {
        UUID id = contact.contactId();
        states.remove(id);
        changedStates.remove(id);
        entries.values().removeIf(entry -> entry.contactId().equals(id));
        erased.add(contact);
        Map<String, TimelineEntry> referrals = new LinkedHashMap<>();
        jdbc.query("""
                        SELECT * FROM timeline_entry WHERE owner_id = ? AND type = 'ReferralReceived'
                        AND details ->> 'referredContactId' = ?""", TimelineEntry.MAPPER,
                        contact.ownerId(), id.toString())
                .forEach(entry -> referrals.put(entry.eventId(), entry));
        entries.values().stream().filter(entry -> names(entry, contact))
                .forEach(entry -> referrals.put(entry.eventId(), entry));
        referrals.values().forEach(entry -> entries.put(entry.eventId(), Timeline.withReferredNameErased(entry)));
    }

    private static boolean names(TimelineEntry entry, EventSubject contact) {
        return entry.type().equals("ReferralReceived") && entry.ownerId().equals(contact.ownerId())
                && contact.contactId().toString().equals(entry.details().get("referredContactId"));
    }

    @Override
    protected void write() {
        // a referral to a contact erased meanwhile names it as erased, whichever was handled first
        entries.replaceAll((eventId, entry) -> entry.type().equals("ReferralReceived")
                && entry.details().get("referredContactId") instanceof String referred
                && erasedContact.test(UUID.fromString(referred)) ? Timeline.withReferredNameErased(entry) : entry);
        Sql.deleteOfContacts(jdbc, "timeline_entry", erased);
        Sql.deleteOfContacts(jdbc, "timeline_state", erased);
        TimelineStateRow.UPSERT.write(jdbc, changedStates.values());
        TimelineEntry.UPSERT.write(jdbc, entries.values());
    }
}
