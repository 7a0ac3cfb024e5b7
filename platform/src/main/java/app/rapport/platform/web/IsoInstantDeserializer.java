package app.rapport.platform.web;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

/**
 * Reads a time in a request body only from an ISO-8601 string, as the API promises. Jackson would
 * also take a number as epoch seconds, and turns one too large to represent (e.g. {@code 1e400})
 * into 1970-01-01T00:00:00Z without a word: a command would be recorded as happening at the epoch.
 * Times outside {@link SupportedTimes} are refused too.
 */
class IsoInstantDeserializer extends StdScalarDeserializer<Instant> {

    IsoInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            Instant time = InstantDeserializer.INSTANT.deserialize(parser, context);
            if (time != null && !SupportedTimes.isSupported(time)) {
                return (Instant) context.handleWeirdStringValue(Instant.class, parser.getText(),
                        "outside the years 1 to 9999");
            }
            return time;
        }
        return (Instant) context.handleUnexpectedToken(Instant.class, parser);
    }
}
