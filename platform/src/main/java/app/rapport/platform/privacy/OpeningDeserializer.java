package app.rapport.platform.privacy;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import app.rapport.events.Personal;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;

/**
 * Reads a personal component as stored: an encrypted text is decrypted with the key of the
 * subject it names; one whose key is gone reads as {@link Personal#ERASED} (a list as empty); a
 * value stored in plain text, before encryption or while it was switched off, reads as it is.
 */
final class OpeningDeserializer extends JsonDeserializer<Object> implements ContextualDeserializer {

    private final PersonalData personalData;
    private final JavaType type;
    private final JsonDeserializer<Object> plain;
    private final ObjectReader inner;

    OpeningDeserializer(PersonalData personalData) {
        this(personalData, null, null);
    }

    private OpeningDeserializer(PersonalData personalData, JavaType type, JsonDeserializer<Object> plain) {
        this.personalData = personalData;
        this.type = type;
        this.plain = plain;
        this.inner = type == null ? null : PersonalData.PLAIN.readerFor(type);
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
            throws JsonMappingException {
        if (property == null) {
            return this;
        }
        return new OpeningDeserializer(personalData, property.getType(),
                context.findContextualValueDeserializer(property.getType(), property));
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING || !Sealed.isSealed(parser.getText())) {
            return plain.deserialize(parser, context);
        }
        byte[] json;
        try {
            json = personalData.open(parser.getText());
        } catch (IllegalArgumentException e) {
            throw JsonMappingException.from(parser, e.getMessage(), e);
        }
        return json == null ? erased() : inner.readValue(json);
    }

    private Object erased() {
        Class<?> raw = type.getRawClass();
        if (raw.isAssignableFrom(String.class)) {
            return Personal.ERASED;
        }
        if (raw.isAssignableFrom(List.class)) {
            return List.of();
        }
        return raw.isAssignableFrom(Set.class) ? Set.of() : null;
    }
}
