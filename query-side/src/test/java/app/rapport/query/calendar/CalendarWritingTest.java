package app.rapport.query.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.rapport.values.Channel;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The feed's calendar as written, read back with ical4j: one rule per test, no database. */
class CalendarWritingTest {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final Instant AT = Instant.parse("2026-03-17T15:30:00Z");
    static final UUID CONTACT = UUID.fromString("6f1d2c7e-0000-4000-8000-000000000001");
    static final UUID INTERVIEW = UUID.fromString("6f1d2c7e-0000-4000-8000-000000000003");

    static ScheduledInterview interview(Channel mode, String location, String purpose) {
        return new ScheduledInterview(INTERVIEW, CONTACT, "Maya Chen", "City Archives", AT, 25, mode, location,
                purpose, false);
    }

    static OpenDueItem item(String kind, String name) {
        return new OpenDueItem(kind + ":" + INTERVIEW, kind, AT, CONTACT, INTERVIEW, name);
    }

    static Map<String, VEvent> written(List<ScheduledInterview> interviews, List<OpenDueItem> items) throws Exception {
        String text = new String(FeedCalendar.write(FeedCalendar.of(interviews, items, NOW)), StandardCharsets.UTF_8);
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        assertThat(calendar.validate().getEntries()).as("RFC 5545 problems").isEmpty();
        return calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .collect(Collectors.toMap(event -> value(event, Property.UID), Function.identity()));
    }

    static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    @Test
    void anInterview_isBusyForItsAgreedMinutes_namingTheContactAndTheirOrganization() throws Exception {
        VEvent event = written(List.of(interview(Channel.IN_PERSON, "Café Nord", "archives work")), List.of())
                .get("interview-" + INTERVIEW + "@rapport");

        assertThat(value(event, Property.DTSTART)).isEqualTo("20260317T153000Z");
        assertThat(value(event, Property.DURATION)).isEqualTo("PT25M");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Informational interview with Maya Chen (City Archives)");
        assertThat(value(event, Property.LOCATION)).isEqualTo("Café Nord");
        assertThat(value(event, Property.DESCRIPTION)).isEqualTo("To learn about: archives work");
        assertThat(value(event, Property.TRANSP)).isEqualTo("OPAQUE");
        assertThat(value(event, Property.DTSTAMP)).isEqualTo("20260310T120000Z");
    }

    @Test
    void anInterviewWithoutAPlace_isLocatedByItsMode() throws Exception {
        VEvent event = written(List.of(interview(Channel.PHONE, " ", null)), List.of())
                .get("interview-" + INTERVIEW + "@rapport");

        assertThat(value(event, Property.LOCATION)).isEqualTo("Phone call");
        assertThat(value(event, Property.DESCRIPTION)).isNull();
    }

    @Test
    void aDueItem_isAShortFreeSlotAtItsDueTime_sayingWhatIsOwedToWhom() throws Exception {
        VEvent event = written(List.of(), List.of(item("PREPARE", "Maya Chen")))
                .get("due-prepare-" + INTERVIEW + "@rapport");

        assertThat(value(event, Property.DTSTART)).isEqualTo("20260317T153000Z");
        assertThat(value(event, Property.DURATION)).isEqualTo("PT15M");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Prepare for the interview with Maya Chen");
        assertThat(value(event, Property.TRANSP)).isEqualTo("TRANSPARENT");
    }

    @Test
    void aKindTheFeedDoesNotKnowYet_stillShows_asAFollowUp() throws Exception {
        VEvent event = written(List.of(), List.of(item("SOMETHING_NEW", null)))
                .get("due-something_new-" + INTERVIEW + "@rapport");

        assertThat(value(event, Property.SUMMARY)).isEqualTo("Follow up with a contact");
    }

    @Test
    void textWithCommasSemicolonsAndLineBreaks_readsBackAsWritten() throws Exception {
        String purpose = "maps; old ones, new ones\nand how they are kept";
        VEvent event = written(List.of(interview(Channel.VIDEO, "Room 4, floor 2; east wing", purpose)), List.of())
                .get("interview-" + INTERVIEW + "@rapport");

        assertThat(value(event, Property.LOCATION)).isEqualTo("Room 4, floor 2; east wing");
        assertThat(value(event, Property.DESCRIPTION)).isEqualTo("To learn about: " + purpose);
    }

    @Test
    void theSameJournal_writesTheSameUids() throws Exception {
        var interviews = List.of(interview(Channel.VIDEO, null, null));
        var items = List.of(item("THANK_YOU", "Maya Chen"), item("KEEP_IN_TOUCH", "Maya Chen"));

        assertThat(written(interviews, items).keySet()).isEqualTo(written(interviews, items).keySet()).hasSize(3);
    }
}
