package app.rapport.platform.privacy;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.rapport.events.JournalEvent;
import app.rapport.events.Personal;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * An instance of every event type in shared-events, found on the classpath rather than listed, so
 * an event added later is covered without anyone remembering to: every component filled, each
 * personal text holding a marker (and its component's name), every other text without it. The
 * subjects are new for each set of samples, so tests that erase them do not disturb the others.
 */
final class PersonalSamples {

    static final Instant AT = Instant.parse("2026-03-04T15:00:00.123456Z");

    final String owner = "owner-" + UUID.randomUUID();
    final UUID contact = UUID.randomUUID();
    final UUID otherContact = UUID.randomUUID();

    /** Every record type below {@code app.rapport.events} that is a journal event, by name. */
    static List<Class<?>> eventTypes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(JournalEvent.class));
        Set<String> names = scanner.findCandidateComponents("app.rapport.events").stream()
                .map(candidate -> candidate.getBeanClassName())
                .collect(Collectors.toCollection(TreeSet::new));
        return names.stream().<Class<?>>map(PersonalSamples::load).filter(Class::isRecord).toList();
    }

    /** An event of the type with {@code marker} in every personal text (and list of texts). */
    Object withMarker(Class<?> type, String marker) {
        return build(type, component -> component.getType() == String.class
                ? marker + " " + component.getName()
                : List.of(marker + " first", marker + " second"));
    }

    /** The same event as it reads once every subject of its personal data is erased. */
    Object erased(Class<?> type) {
        return build(type, component -> component.getType() == String.class ? Personal.ERASED : List.of());
    }

    Object build(Class<?> type, Function<RecordComponent, Object> personal) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            types[i] = component.getType();
            values[i] = component.isAnnotationPresent(Personal.class) ? personal.apply(component)
                    : plainValue(component, personal);
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build a sample " + type.getName(), e);
        }
    }

    private Object plainValue(RecordComponent component, Function<RecordComponent, Object> personal) {
        Class<?> type = component.getType();
        String name = component.getName();
        if (type == UUID.class) {
            return name.equals("contactId") ? contact : name.equals("referredContactId") ? otherContact
                    : UUID.nameUUIDFromBytes(name.getBytes());
        }
        if (type == String.class) {
            return name.equals("ownerId") || name.equals("networkerId") ? owner : "plain " + name;
        }
        if (type == Instant.class) {
            return AT;
        }
        if (type == int.class || type == Integer.class) {
            return 25;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == List.class) {
            Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
            return element == UUID.class ? List.of(UUID.nameUUIDFromBytes(name.getBytes())) : List.of("plain " + name);
        }
        if (type.isRecord()) {
            return build(type, personal);
        }
        throw new IllegalStateException("No sample value for " + type.getName() + " " + name
                + ": teach PersonalSamples the new type");
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
