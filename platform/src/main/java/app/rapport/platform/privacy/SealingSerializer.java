package app.rapport.platform.privacy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.UUID;

import app.rapport.events.JournalEvent;
import app.rapport.events.Personal;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;

/**
 * Writes a personal component as one encrypted text, with the key of its data subject: the
 * event's own (its contact, or its networker), or the one the annotation names. On a value nested
 * in an event (contact details, a correction's changes) the enclosing event's subject holds, found
 * from the generator's output contexts, which know the object each level is writing. For an erased
 * subject the value is written as the placeholder it would read as.
 */
final class SealingSerializer extends JsonSerializer<Object> implements ContextualSerializer {

    private final PersonalData personalData;
    private final String component;
    private final Class<?> holder;
    private final Method namedSubject;
    private final boolean list;
    private final JsonSerializer<Object> plain;

    SealingSerializer(PersonalData personalData) {
        this(personalData, null, null, null, false, null);
    }

    private SealingSerializer(PersonalData personalData, String component, Class<?> holder, Method namedSubject,
                              boolean list, JsonSerializer<Object> plain) {
        this.personalData = personalData;
        this.component = component;
        this.holder = holder;
        this.namedSubject = namedSubject;
        this.list = list;
        this.plain = plain;
    }

    @Override
    public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
            throws JsonMappingException {
        if (property == null) {
            return this;
        }
        Class<?> holder = property.getMember().getDeclaringClass();
        Personal personal = property.getAnnotation(Personal.class);
        Method namedSubject = null;
        if (personal != null && !personal.subject().isEmpty()) {
            namedSubject = subjectComponent(provider, holder, personal.subject());
        }
        return new SealingSerializer(personalData, property.getName(), holder, namedSubject,
                Collection.class.isAssignableFrom(property.getType().getRawClass()),
                provider.findValueSerializer(property.getType(), property));
    }

    @Override
    public void serialize(Object value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        if (!personalData.encrypts()) {
            plain.serialize(value, generator, provider);
            return;
        }
        String sealed = personalData.seal(subjectOf(generator, provider), PersonalData.PLAIN.writeValueAsBytes(value));
        if (sealed != null) {
            generator.writeString(sealed);
        } else if (list) {
            generator.writeStartArray();
            generator.writeEndArray();
        } else if (value instanceof String) {
            generator.writeString(Personal.ERASED);
        } else {
            generator.writeNull();
        }
    }

    private DataSubject subjectOf(JsonGenerator generator, SerializerProvider provider) throws JsonMappingException {
        for (JsonStreamContext context = generator.getOutputContext(); context != null; context = context.getParent()) {
            Object writing = context.getCurrentValue();
            if (namedSubject != null ? holder.isInstance(writing) : writing instanceof JournalEvent) {
                return namedSubject != null ? namedSubject((JournalEvent) writing, provider) : DataSubject.of((JournalEvent) writing);
            }
        }
        throw JsonMappingException.from(provider, "The personal component " + holder.getName() + "." + component
                + " is written outside an event: there is no data subject whose key could encrypt it");
    }

    private DataSubject namedSubject(JournalEvent event, SerializerProvider provider) throws JsonMappingException {
        Object named;
        try {
            named = namedSubject.invoke(event);
        } catch (ReflectiveOperationException e) {
            throw JsonMappingException.from(provider, "Cannot read the subject of " + holder.getName() + "." + component, e);
        }
        if (named instanceof UUID contactId) {
            return DataSubject.contact(contactId, DataSubject.ownerOf(event));
        }
        return DataSubject.networker((String) named);
    }

    private static Method subjectComponent(SerializerProvider provider, Class<?> holder, String name)
            throws JsonMappingException {
        try {
            Method accessor = holder.getMethod(name);
            Class<?> type = accessor.getReturnType();
            if (JournalEvent.class.isAssignableFrom(holder) && (type == UUID.class || type == String.class)) {
                return accessor;
            }
        } catch (NoSuchMethodException e) {
            // refused below
        }
        throw JsonMappingException.from(provider, "@Personal(subject = \"" + name + "\") on " + holder.getName()
                + " must name a UUID (a contact) or String (a networker) component of the event");
    }
}
