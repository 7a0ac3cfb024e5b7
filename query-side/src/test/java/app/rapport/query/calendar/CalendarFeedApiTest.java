package app.rapport.query.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.rapport.events.networker.AccountErased;
import app.rapport.query.Journal;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.testsupport.TestUsers;
import app.rapport.values.Channel;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The calendar feed over HTTP: fetched without signing in, parsed back with ical4j, its UIDs the
 * same from one fetch to the next, and only ever its owner's journal.
 */
class CalendarFeedApiTest extends QueryIntegrationTest {

    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    static final Instant NEXT_WEEK = NOW.plus(Duration.ofDays(7));

    /** The same client as {@code http}, but signed in as nobody: what a calendar app is. */
    @Autowired
    TestRestTemplate calendarApp;

    FeedStream feedOf(Journal journal) {
        return new FeedStream(eventStore, transaction, jdbc, journal.owner());
    }

    ResponseEntity<String> fetch(String token) {
        return calendarApp.getForEntity("/calendar/" + token + ".ics", String.class);
    }

    Calendar calendar(String token) throws Exception {
        ResponseEntity<String> answer = fetch(token);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(new MediaType("text", "calendar", StandardCharsets.UTF_8));
        Calendar calendar = new CalendarBuilder().build(new StringReader(answer.getBody()));
        assertThat(calendar.validate().getEntries()).as("RFC 5545 problems").isEmpty();
        return calendar;
    }

    static Map<String, VEvent> eventsByUid(Calendar calendar) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .collect(Collectors.toMap(event -> text(event, Property.UID), Function.identity()));
    }

    static String text(VEvent event, String property) {
        Optional<Property> found = event.getProperty(property);
        return found.map(Property::getValue).orElse(null);
    }

    @Test
    void feed_hasAnEventPerScheduledInterview_atItsTimeForItsAgreedMinutes_namingTheContactAndThePlace()
            throws Exception {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", T0);
        UUID video = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(video, T0.plusSeconds(60)).schedule(video, NEXT_WEEK, Channel.VIDEO, null, T0.plusSeconds(120));
        var omar = journal.contact("Omar Haddad", T0);
        UUID cafe = omar.request(Channel.PHONE, 20, "curation", T0);
        omar.accept(cafe, T0.plusSeconds(60))
                .schedule(cafe, NEXT_WEEK.plus(Duration.ofDays(1)), Channel.IN_PERSON, "Café Nord", T0.plusSeconds(120));
        String token = feedOf(journal).create(T0);
        awaitProjections();

        Map<String, VEvent> events = eventsByUid(calendar(token));

        VEvent withMaya = events.get("interview-" + video + "@rapport");
        assertThat(text(withMaya, Property.DTSTART)).isEqualTo("20260317T120000Z");
        assertThat(text(withMaya, Property.DURATION)).isEqualTo("PT30M");
        assertThat(text(withMaya, Property.SUMMARY)).contains("Maya Chen");
        assertThat(text(withMaya, Property.LOCATION)).isEqualTo("Video call");
        VEvent withOmar = events.get("interview-" + cafe + "@rapport");
        assertThat(text(withOmar, Property.DURATION)).isEqualTo("PT20M");
        assertThat(text(withOmar, Property.SUMMARY)).contains("Omar Haddad");
        assertThat(text(withOmar, Property.LOCATION)).isEqualTo("Café Nord");
    }

    @Test
    void feed_hasAnEventPerOpenDueItem_atItsDueTime() throws Exception {
        Journal journal = journal();
        var lee = journal.contact("Lee Park", T0);
        UUID unanswered = lee.request(Channel.EMAIL, 25, "maps", T0);
        var ana = journal.contact("Ana Silva", T0);
        UUID held = ana.request(Channel.EMAIL, 30, "museums", T0);
        ana.accept(held, T0.plusSeconds(60)).hold(held, 30, 30, NOW.minus(Duration.ofHours(2)));
        String token = feedOf(journal).create(T0);
        awaitProjections();

        Map<String, VEvent> events = eventsByUid(calendar(token));

        VEvent nudge = events.get("due-response_nudge-" + unanswered + "@rapport");
        assertThat(text(nudge, Property.DTSTART)).isEqualTo("20260308T090000Z");
        assertThat(text(nudge, Property.SUMMARY)).isEqualTo("Nudge Lee Park about your request");
        VEvent thanks = events.get("due-thank_you-" + held + "@rapport");
        assertThat(text(thanks, Property.DTSTART)).isEqualTo("20260311T100000Z");
        assertThat(text(thanks, Property.SUMMARY)).isEqualTo("Send Ana Silva a thank-you");
        assertThat(text(thanks, Property.TRANSP)).isEqualTo("TRANSPARENT");
    }

    @Test
    void uidsStayTheSameAcrossFetches_andCancelledInterviewsAndClosedItemsDropOut() throws Exception {
        Journal journal = journal();
        var maya = journal.contact("Maya Chen", T0);
        UUID kept = maya.request(Channel.EMAIL, 30, "archives work", T0);
        maya.accept(kept, T0.plusSeconds(60)).schedule(kept, NEXT_WEEK, T0.plusSeconds(120));
        UUID cancelled = maya.request(Channel.EMAIL, 30, "archives again", T0.plusSeconds(180));
        maya.accept(cancelled, T0.plusSeconds(240)).schedule(cancelled, NEXT_WEEK.plusSeconds(7200), T0.plusSeconds(300));
        UUID thanked = maya.request(Channel.EMAIL, 20, "records", T0.plusSeconds(360));
        maya.accept(thanked, T0.plusSeconds(420)).hold(thanked, 20, 20, NOW.minus(Duration.ofHours(3)));
        String token = feedOf(journal).create(T0);
        awaitProjections();

        Map<String, VEvent> first = eventsByUid(calendar(token));
        Map<String, VEvent> second = eventsByUid(calendar(token));
        assertThat(second.keySet()).isEqualTo(first.keySet())
                .contains("interview-" + kept + "@rapport", "interview-" + cancelled + "@rapport",
                        "due-thank_you-" + thanked + "@rapport");

        maya.cancel(cancelled, NOW.minusSeconds(60)).thank(thanked, NOW.minusSeconds(30));
        awaitProjections();
        Map<String, VEvent> after = eventsByUid(calendar(token));

        assertThat(after.keySet()).contains("interview-" + kept + "@rapport", "due-prepare-" + kept + "@rapport")
                .doesNotContain("interview-" + cancelled + "@rapport", "due-prepare-" + cancelled + "@rapport",
                        "due-thank_you-" + thanked + "@rapport");
    }

    @Test
    void aRevokedToken_andAReplacedToken_andAnUnknownOne_areNotFound() {
        Journal journal = journal();
        FeedStream feed = feedOf(journal);
        String revoked = feed.create(T0);
        feed.revoke(T0.plusSeconds(60));
        String replaced = feed.create(T0.plusSeconds(120));
        String current = feed.create(T0.plusSeconds(180));
        awaitProjections();

        assertThat(fetch(current).getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String token : List.of(revoked, replaced, "A".repeat(43), "not-a-token")) {
            ResponseEntity<String> answer = fetch(token);
            assertThat(answer.getStatusCode()).as(token).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void aRevocation_closesTheFeedAtOnce_evenBeforeTheReadModelHasIt() {
        Journal journal = journal();
        FeedStream feed = feedOf(journal);
        String token = feed.create(T0);
        awaitProjections();
        assertThat(fetch(token).getStatusCode()).isEqualTo(HttpStatus.OK);
        var processor = processing.eventProcessor(CalendarFeedProjection.GROUP,
                org.axonframework.eventhandling.StreamingEventProcessor.class).orElseThrow();

        processor.shutDown();
        try {
            feed.revoke(T0.plusSeconds(60));
            assertThat(jdbc.queryForObject("SELECT token_hash FROM calendar_feed WHERE owner_id = ?", String.class,
                    journal.owner())).as("the read model still has the feed").isNotNull();
            assertThat(fetch(token).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        } finally {
            processor.start();
        }
    }

    @Test
    void anErasedAccountsFeed_closesAtOnce_andForGood() {
        Journal journal = journal();
        FeedStream feed = feedOf(journal);
        String token = feed.create(T0);
        awaitProjections();
        assertThat(fetch(token).getStatusCode()).isEqualTo(HttpStatus.OK);

        Instant erased = T0.plusSeconds(60);
        transaction.executeWithoutResult(status -> {
            erasures.eraseNetworker(journal.owner(), erased);
            feed.append(new AccountErased(journal.owner(), erased), erased);
        });

        assertThat(fetch(token).getStatusCode()).as("before the read model has it").isEqualTo(HttpStatus.NOT_FOUND);
        awaitProjections();
        assertThat(jdbc.queryForObject("SELECT token_hash FROM calendar_feed WHERE owner_id = ?", String.class,
                journal.owner())).isNull();
        assertThat(fetch(token).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aToken_showsOnlyItsOwnersJournal_soAMentorsFeedIsNotAMentees() throws Exception {
        Journal mentor = journal();
        Journal mentee = journal();
        mentee.grant(mentor.owner(), T0);
        var menteeContact = mentee.contact("Maya Chen", T0);
        UUID menteeInterview = menteeContact.request(Channel.EMAIL, 30, "archives work", T0);
        menteeContact.accept(menteeInterview, T0).schedule(menteeInterview, NEXT_WEEK, T0);
        var mentorContact = mentor.contact("Omar Haddad", T0);
        UUID mentorRequest = mentorContact.request(Channel.EMAIL, 30, "curation", T0);
        String mentorsToken = feedOf(mentor).create(T0);
        awaitProjections();

        Map<String, VEvent> events = eventsByUid(calendar(mentorsToken));
        ResponseEntity<String> namingTheMentee = calendarApp.getForEntity(
                "/calendar/" + mentorsToken + ".ics?owner=" + mentee.owner(), String.class);

        assertThat(events.keySet()).contains("due-response_nudge-" + mentorRequest + "@rapport")
                .noneMatch(uid -> uid.contains(menteeInterview.toString()));
        assertThat(namingTheMentee.getBody()).doesNotContain(menteeInterview.toString()).doesNotContain("Maya Chen");
    }

    @Test
    void aFeedWithNothingInIt_isStillAValidCalendar() throws Exception {
        String token = feedOf(journal()).create(T0);
        awaitProjections();

        assertThat(calendar(token).<VEvent>getComponents(Component.VEVENT)).isEmpty();
    }

    @Test
    void onlyReadingAFeed_goesWithoutSignIn_everyOtherPathStillAsksForIt() {
        String token = feedOf(journal()).create(T0);
        awaitProjections();

        assertThat(fetch(token).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(status(HttpMethod.GET, "/calendar/" + token)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(HttpMethod.GET, "/calendar/" + token + ".ics/more")).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(HttpMethod.GET, "/calendar/x/" + token + ".ics")).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(HttpMethod.POST, "/calendar/" + token + ".ics")).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(HttpMethod.GET, "/api/contacts")).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(HttpMethod.GET, "/api/exports/events.jsonl")).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(calendarApp.withBasicAuth(TestUsers.DEMO, "wrong").getForEntity("/calendar/" + token + ".ics",
                String.class).getStatusCode()).as("a credential is not what opens a feed").isEqualTo(HttpStatus.OK);
    }

    private HttpStatus status(HttpMethod method, String path) {
        return HttpStatus.valueOf(calendarApp.exchange(path, method, HttpEntity.EMPTY, String.class)
                .getStatusCode().value());
    }
}
