package app.rapport.query.support;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import app.rapport.events.ContactEvent;
import app.rapport.events.NetworkerEvent;
import app.rapport.events.Personal;

/**
 * An event as it reads once some of its data subjects are erased: every {@link Personal} component
 * of an erased subject reads as {@link Personal#ERASED} (a list as empty), whatever it held, the
 * rest as it was. The event store does this by losing the key; a read model that copied an event
 * (the audit trail) does it here, by the same annotations, so its copy reads as the store's.
 * <p>
 * A personal component's subject is the event's own ({@code contactId} of a contact event,
 * {@code networkerId} of a networker's) unless {@link Personal#subject} names another component;
 * a record nested in the event (contact details, a correction's changes) takes the event's subject.
 * An absent value stays absent, as the store keeps it (nothing was encrypted, so nothing is lost).
 */
public final class PersonalData {

    private PersonalData() {
    }

    /**
     * The payload with the personal components of every subject {@code erased} accepts (a contact's
     * {@code UUID} or a networker's username) read as erased; the payload itself when none is.
     */
    public static Object erased(Object payload, Predicate<Object> erased) {
        if (payload == null || !payload.getClass().isRecord()) {
            return payload;
        }
        return rebuilt(payload, payload, ownSubject(payload), erased);
    }

    private static Object ownSubject(Object event) {
        if (event instanceof ContactEvent contact) {
            return contact.contactId();
        }
        if (event instanceof NetworkerEvent networker) {
            return networker.networkerId();
        }
        return null;
    }

    private static Object rebuilt(Object record, Object event, Object subject, Predicate<Object> erased) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        boolean changed = false;
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            Object value = valueOf(component, record);
            Personal personal = component.getAnnotation(Personal.class);
            Object next = value;
            if (personal != null) {
                Object owner = personal.subject().isEmpty() ? subject : valueOf(event, personal.subject());
                if (value != null && owner != null && erased.test(owner)) {
                    next = placeholder(component.getType());
                }
            } else if (value != null && value.getClass().isRecord()) {
                next = rebuilt(value, event, subject, erased);
            }
            values[i] = next;
            changed |= !Objects.equals(value, next);
        }
        return changed ? construct(record.getClass(), components, values) : record;
    }

    private static Object placeholder(Class<?> type) {
        if (type == String.class) {
            return Personal.ERASED;
        }
        return List.class.isAssignableFrom(type) ? List.of() : null;
    }

    private static Object valueOf(Object event, String componentName) {
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.getName().equals(componentName)) {
                return valueOf(component, event);
            }
        }
        throw new IllegalStateException(event.getClass().getSimpleName() + " has no component " + componentName
                + " to name the subject of its personal data");
    }

    private static Object valueOf(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + record.getClass().getSimpleName() + "."
                    + component.getName(), e);
        }
    }

    private static Object construct(Class<?> type, RecordComponent[] components, Object[] values) {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot rebuild " + type.getSimpleName() + " with its personal data erased",
                    e);
        }
    }
}
