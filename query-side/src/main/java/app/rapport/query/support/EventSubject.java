package app.rapport.query.support;

import java.lang.reflect.RecordComponent;
import java.util.Optional;
import java.util.UUID;

/**
 * Whose journal an event belongs to and which contact it is about. Every event names its owner
 * ({@code ownerId}, or {@code networkerId} for the networker's own events) and contact events name
 * the contact ({@code contactId}): the contract (events/package-info.java) guarantees the names,
 * so they are read by name instead of listing every event type here and in each projection.
 *
 * @param contactId null for events that are not about a contact
 */
public record EventSubject(String ownerId, UUID contactId) {

    public static Optional<EventSubject> of(Object payload) {
        if (payload == null || !payload.getClass().isRecord()) {
            return Optional.empty();
        }
        String owner = component(payload, "ownerId", String.class);
        if (owner == null) {
            owner = component(payload, "networkerId", String.class);
        }
        return owner == null ? Optional.empty()
                : Optional.of(new EventSubject(owner, component(payload, "contactId", UUID.class)));
    }

    public boolean aboutContact() {
        return contactId != null;
    }

    private static <T> T component(Object record, String name, Class<T> type) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name) && component.getType() == type) {
                try {
                    return type.cast(component.getAccessor().invoke(record));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read " + name + " of " + record.getClass().getName(), e);
                }
            }
        }
        return null;
    }
}
