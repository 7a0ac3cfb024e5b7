package app.rapport.platform.web;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Reads strings in request bodies as text a person typed: tabs and line breaks, but no other
 * control characters and no half of a surrogate pair. A NUL cannot be stored in a PostgreSQL text
 * column and neither it nor a lone surrogate in a {@code jsonb} value, so an event carrying one
 * would be refused by every read model that copies the field, and by {@code payload::jsonb} in psql.
 */
class PlainTextDeserializer extends StdScalarDeserializer<String> {

    PlainTextDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = StringDeserializer.instance.deserialize(parser, context);
        if (value != null && !isPlainText(value)) {
            throw new NotPlainText(parser);
        }
        return value;
    }

    static boolean isPlainText(String value) {
        return PlainText.isPlain(value);
    }

    /** A string holding a control character or a lone surrogate; the problem names its field. */
    static class NotPlainText extends MismatchedInputException {

        NotPlainText(JsonParser parser) {
            super(parser, PlainText.PROBLEM, String.class);
        }
    }
}
