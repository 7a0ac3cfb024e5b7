package app.rapport.query.support;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.axonframework.eventhandling.EventMessage;

/**
 * Whose journal an event belongs to and which contact it is about. Every event names its owner
 * ({@code ownerId}, or {@code networkerId} for the networker's own events) and contact events name
 * the contact ({@code contactId}): the contract (events/package-info.java) guarantees the names,
 * so they are read by name instead of listing every event type here and in each projection.
 *
 * @param contactId null for events that are not about a contact
 */
public record EventSubject(String ownerId, UUID contactId) {

    /** How to read the subject of one event type, found once per type (projections ask per event). */
    private static final ClassValue<Readers> READERS = new ClassValue<>() {
        @Override
        protected Readers computeValue(Class<?> type) {
            MethodHandle owner = accessor(type, "ownerId", String.class);
            return new Readers(owner != null ? owner : accessor(type, "networkerId", String.class),
                    accessor(type, "contactId", UUID.class));
        }
    };

    private record Readers(MethodHandle owner, MethodHandle contact) {
    }

    public static Optional<EventSubject> of(Object payload) {
        if (payload == null || !payload.getClass().isRecord()) {
            return Optional.empty();
        }
        Readers readers = READERS.get(payload.getClass());
        String owner = (String) read(readers.owner(), payload);
        return owner == null ? Optional.empty()
                : Optional.of(new EventSubject(owner, (UUID) read(readers.contact(), payload)));
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

    private static Object read(MethodHandle accessor, Object record) {
        if (accessor == null) {
            return null;
        }
        try {
            return accessor.invoke(record);
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot read the subject of " + record.getClass().getName(), e);
        }
    }

    private static MethodHandle accessor(Class<?> record, String name, Class<?> type) {
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getName().equals(name) && component.getType() == type) {
                try {
                    return MethodHandles.publicLookup().unreflect(component.getAccessor());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("Cannot read " + name + " of " + record.getName(), e);
                }
            }
        }
        return null;
    }
}
