package app.rapport.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** What request bodies may hold as times and as text, read by the web layer's JSON mapper. */
class StrictRequestValuesTest {

    record Body(String note, Instant at, List<String> questions) {
    }

    final ObjectMapper json = mapper();

    @Test
    void aTimeIsAnIso8601String() throws Exception {
        assertThat(json.readValue("{\"at\":\"2026-03-04T15:00:00Z\"}", Body.class).at())
                .isEqualTo(Instant.parse("2026-03-04T15:00:00Z"));
    }

    @Test
    void aTimeAsANumberIsRefusedRatherThanReadAsTheEpoch() {
        for (String number : List.of("1e400", "1700000000", "1.5")) {
            assertThatThrownBy(() -> json.readValue("{\"at\":" + number + "}", Body.class))
                    .as(number).isInstanceOf(MismatchedInputException.class);
        }
    }

    @Test
    void aTimeOutsideTheYearsADatabaseHoldsIsRefused() throws Exception {
        for (String time : List.of("-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z")) {
            assertThatThrownBy(() -> json.readValue("{\"at\":\"" + time + "\"}", Body.class))
                    .as(time).isInstanceOf(InvalidFormatException.class);
        }
        assertThat(json.readValue("{\"at\":\"0001-01-01T00:00:00Z\"}", Body.class).at()).isEqualTo(SupportedTimes.EARLIEST);
    }

    @Test
    void aTimeInAQueryParameterFollowsTheSameRule() {
        assertThat(SupportedTimes.parse("2026-03-04T15:00:00Z")).isEqualTo(Instant.parse("2026-03-04T15:00:00Z"));
        assertThatThrownBy(() -> SupportedTimes.parse("-999999999-01-01T00:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SupportedTimes.parse("yesterday")).isInstanceOf(java.time.format.DateTimeParseException.class);
    }

    @Test
    void textMayHoldTabsLineBreaksAndAnyCharacterOfUnicode() throws Exception {
        String note = "Tab\there,\r\nnew line, café, 東京, 👋";

        assertThat(json.readValue(json.writeValueAsString(new Body(note, null, null)), Body.class).note())
                .isEqualTo(note);
    }

    @Test
    void textWithAControlCharacterOrALoneSurrogateIsRefused() {
        for (String escaped : List.of("\\u0000", "\\u001b", "\\u0008", "\\ud800", "\\udc00x")) {
            assertThatThrownBy(() -> json.readValue("{\"note\":\"a" + escaped + "b\"}", Body.class))
                    .as(escaped).isInstanceOf(PlainTextDeserializer.NotPlainText.class);
            assertThatThrownBy(() -> json.readValue("{\"questions\":[\"a" + escaped + "b\"]}", Body.class))
                    .as("list element " + escaped).isInstanceOf(PlainTextDeserializer.NotPlainText.class);
        }
    }

    private static ObjectMapper mapper() {
        Jackson2ObjectMapperBuilder builder = Jackson2ObjectMapperBuilder.json();
        new WebConfiguration().strictRequestValues().customize(builder);
        return builder.build();
    }
}
