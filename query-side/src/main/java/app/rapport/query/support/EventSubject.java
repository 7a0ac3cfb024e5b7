package app.rapport.query.support;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.rapport.events.ContactEvent;
import app.rapport.events.NetworkerEvent;
import org.axonframework.eventhandling.EventMessage;

/**
 * Whose journal an event belongs to and which contact it is about, as the event types state it
 * ({@link ContactEvent}, {@link NetworkerEvent}), so projections need not list every event type.
 *
 * @param contactId null for events that are not about a contact
 */
public record EventSubject(String ownerId, UUID contactId) {

    /** Empty for payloads that are not journal events, or that name no owner. */
    public static Optional<EventSubject> of(Object payload) {
        if (payload instanceof ContactEvent event) {
            return subject(event.ownerId(), event.contactId());
        }
        if (payload instanceof NetworkerEvent event) {
            return subject(event.networkerId(), null);
        }
        return Optional.empty();
    }

    /** The contacts a batch of events is about, each once. */
    public static Set<EventSubject> contactsOf(Collection<? extends EventMessage<?>> events) {
        Set<EventSubject> contacts = new LinkedHashSet<>();
        for (EventMessage<?> event : events) {
            of(event.getPayload()).filter(EventSubject::aboutContact).ifPresent(contacts::add);
        }
        return contacts;
    }

    public boolean aboutContact() {
        return contactId != null;
    }

    // without an owner there is no journal to file the event in
    private static Optional<EventSubject> subject(String ownerId, UUID contactId) {
        return ownerId == null ? Optional.empty() : Optional.of(new EventSubject(ownerId, contactId));
    }
}
