package app.rapport.platform.privacy;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import app.rapport.events.ContactEvent;
import app.rapport.events.JournalEvent;
import app.rapport.events.NetworkerEvent;
import app.rapport.events.Personal;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where an event type keeps personal data in its stored JSON, and whose it is: read from the
 * {@link Personal} annotations once per type, for work on stored payloads without deserializing
 * them (the one-time encryption of events stored in plain text). Records nested in the event
 * (contact details, a correction's changes) are followed, their personal components taking the
 * event's subject. JSON property names are the record components' names, as the event mapper writes them.
 */
final class PersonalComponents {

    private static final ClassValue<PersonalComponents> OF = new ClassValue<>() {
        @Override
        protected PersonalComponents computeValue(Class<?> type) {
            return new PersonalComponents(type);
        }
    };

    /**
     * One personal component.
     *
     * @param path the property names from the event down to the component
     * @param namedSubject the event component naming the subject, or null for the event's own
     * @param namesContact whether {@code namedSubject} names a contact (a UUID) rather than a networker
     */
    record Component(List<String> path, String namedSubject, boolean namesContact) {
    }

    private final Class<?> type;
    private final List<Component> components = new ArrayList<>();

    private PersonalComponents(Class<?> type) {
        this.type = type;
        if (type.isRecord() && JournalEvent.class.isAssignableFrom(type)) {
            collect(type, List.of(), true);
        }
    }

    static PersonalComponents of(Class<?> type) {
        return OF.get(type);
    }

    List<Component> components() {
        return components;
    }

    boolean any() {
        return !components.isEmpty();
    }

    /** The subject of a personal component, read from the event's stored JSON; null when the JSON lacks it. */
    DataSubject subjectOf(Component component, JsonNode event) {
        String owner = text(event, ContactEvent.class.isAssignableFrom(type) ? "ownerId" : "networkerId");
        if (owner == null) {
            return null;
        }
        if (component.namedSubject() != null) {
            String named = text(event, component.namedSubject());
            if (named == null) {
                return null;
            }
            return component.namesContact() ? DataSubject.contact(UUID.fromString(named), owner)
                    : DataSubject.networker(named);
        }
        if (ContactEvent.class.isAssignableFrom(type)) {
            String contactId = text(event, "contactId");
            return contactId == null ? null : DataSubject.contact(UUID.fromString(contactId), owner);
        }
        return NetworkerEvent.class.isAssignableFrom(type) ? DataSubject.networker(owner) : null;
    }

    private void collect(Class<?> record, List<String> path, boolean onEvent) {
        for (RecordComponent component : record.getRecordComponents()) {
            List<String> at = new ArrayList<>(path);
            at.add(component.getName());
            Personal personal = component.getAnnotation(Personal.class);
            if (personal != null) {
                String named = onEvent && !personal.subject().isEmpty() ? personal.subject() : null;
                components.add(new Component(List.copyOf(at), named, named != null && namesContact(record, named)));
            } else if (component.getType().isRecord() && !JournalEvent.class.isAssignableFrom(component.getType())) {
                collect(component.getType(), at, false);
            }
        }
    }

    private static boolean namesContact(Class<?> event, String name) {
        for (RecordComponent component : event.getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component.getType() == UUID.class;
            }
        }
        throw new IllegalStateException("@Personal(subject = \"" + name + "\") on " + event.getName()
                + " names no component of the event");
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
