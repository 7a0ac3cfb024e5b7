package app.rapport.query.feed;

import app.rapport.query.Journal;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.testsupport.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event feed over HTTP against PostgreSQL: whose events, in which order and shape, how a
 * consumer pages through it with {@code next}, the long poll, placeholders for erased contacts,
 * and the parameters refused. The caller is {@code demo}; a mentee who granted demo access gives
 * each test a journal of its own.
 */
class FeedApiTest extends QueryIntegrationTest {

    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    Journal mentee() {
        Journal journal = journal();
        journal.grant(TestUsers.DEMO, T0);
        return journal;
    }

    JsonNode feed(String query) {
        ResponseEntity<String> answer = http.getForEntity("/api/events?" + query, String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        try {
            return JSON.readTree(answer.getBody());
        } catch (Exception e) {
            throw new AssertionError(answer.getBody(), e);
        }
    }

    /** Every event of the journal, read as a consumer does: from 0, {@code limit} at a time, always from {@code next}. */
    List<JsonNode> readAll(Journal journal, int limit) {
        List<JsonNode> items = new ArrayList<>();
        long next = 0;
        for (int pages = 0; pages < 1000; pages++) {
            JsonNode page = feed("owner=" + journal.owner() + "&limit=" + limit + "&after=" + next);
            page.get("items").forEach(items::add);
            long before = next;
            next = page.get("next").asLong();
            assertThat(next).isGreaterThanOrEqualTo(before);
            if (page.get("items").isEmpty() && next == before) {
                return items;
            }
        }
        throw new AssertionError("the feed never ended");
    }

    @Test
    void feed_answersTheJournalsEventsOldestFirst_asCloudEvents() {
        Journal journal = mentee();
        var ada = journal.contact("Ada Byron", T0);
        UUID interview = ada.request(app.rapport.values.Channel.EMAIL, 20, "learn about archives", T0.plusSeconds(60));
        journal().contact("Someone Else", T0);

        List<JsonNode> items = readAll(journal, 100);

        assertThat(items).extracting(item -> item.get("type").asText())
                .containsExactly("MentorAccessGranted", "ContactAdded", "InterviewRequested");
        JsonNode added = items.get(1);
        assertThat(added.get("specversion").asText()).isEqualTo("1.0");
        assertThat(added.get("id").asText()).isNotBlank();
        assertThat(added.get("source").asText()).isEqualTo("urn:rapport:journal:" + journal.owner());
        assertThat(added.get("subject").asText()).isEqualTo(ada.id.toString());
        assertThat(added.get("time").asText()).isEqualTo(T0.toString());
        assertThat(added.get("data").get("details").get("name").asText()).isEqualTo("Ada Byron");
        assertThat(items.get(2).get("data").get("interviewId").asText()).isEqualTo(interview.toString());
        assertThat(items.get(0).get("subject").asText()).isEqualTo(journal.owner());
        assertThat(items).extracting(item -> item.get("position").asLong()).isSorted();
    }

    @Test
    void aConsumerThatAsksFromNext_seesEveryEventOnce_whateverItsPageSize() {
        Journal journal = mentee();
        for (int i = 0; i < 7; i++) {
            journal.contact("Contact " + i, T0.plusSeconds(i)).followUp(T0.plusSeconds(100 + i));
            journal().contact("Noise " + i, T0);
        }
        List<String> all = readAll(journal, 1000).stream().map(item -> item.get("id").asText()).toList();
        assertThat(all).hasSize(15).doesNotHaveDuplicates();

        for (int limit : new int[] {1, 2, 5}) {
            List<String> paged = readAll(journal, limit).stream().map(item -> item.get("id").asText()).toList();
            assertThat(paged).as("limit " + limit).containsExactlyElementsOf(all);
        }
    }

    @Test
    void feed_isEmptyAndKeepsNext_whenNothingFollowsThePosition() {
        Journal journal = mentee();
        journal.contact("Ada Byron", T0);
        JsonNode first = feed("owner=" + journal.owner());
        long next = first.get("next").asLong();

        JsonNode again = feed("owner=" + journal.owner() + "&after=" + next);

        assertThat(again.get("items")).isEmpty();
        assertThat(again.get("next").asLong()).isGreaterThanOrEqualTo(next);
    }

    @Test
    void erasedContactsPersonalFields_readAsPlaceholders() {
        Journal journal = mentee();
        var ada = journal.contact("Ada Byron", T0);
        ada.erase("asked to be forgotten", T0.plusSeconds(60));

        List<JsonNode> items = readAll(journal, 100);

        JsonNode added = items.stream().filter(item -> item.get("type").asText().equals("ContactAdded")).findFirst()
                .orElseThrow();
        assertThat(added.get("data").get("details").get("name").asText()).isEqualTo("(erased)");
        assertThat(added.get("data").get("contactId").asText()).isEqualTo(ada.id.toString());
        assertThat(items).extracting(item -> item.get("type").asText()).contains("ContactErased");
    }

    @Test
    void aLongPoll_isAnsweredWhenAnEventArrives() throws Exception {
        Journal journal = mentee();
        long next = readAllNext(journal);

        CompletableFuture<ResponseEntity<String>> waiting = CompletableFuture.supplyAsync(() -> http.getForEntity(
                "/api/events?wait=PT20S&owner=" + journal.owner() + "&after=" + next, String.class));
        // held while nothing arrives
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> !waiting.isDone());
        long asked = System.nanoTime();
        journal.contact("Ada Byron", T0);

        ResponseEntity<String> answer = waiting.get(10, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(5));
        JsonNode page = JSON.readTree(answer.getBody());
        assertThat(page.get("items")).extracting(item -> item.get("type").asText()).containsExactly("ContactAdded");
    }

    @Test
    void aLongPoll_isAnsweredEmpty_whenItsWaitIsOver() throws Exception {
        Journal journal = mentee();
        long next = readAllNext(journal);
        long asked = System.nanoTime();

        JsonNode page = feed("wait=PT1S&owner=" + journal.owner() + "&after=" + next);

        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
        assertThat(page.get("items")).isEmpty();
        assertThat(page.get("next").asLong()).isGreaterThanOrEqualTo(next);
    }

    @Test
    void aStrangersJournal_isNotFound() {
        Journal stranger = journal();
        stranger.contact("Ada Byron", T0);
        ResponseEntity<String> answer = http.getForEntity("/api/events?owner=" + stranger.owner(), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void badParameters_areRefusedAsProblems() {
        Set<String> refused = new HashSet<>();
        for (String query : List.of("limit=0", "limit=1001", "after=-1", "wait=PT31S", "wait=soon", "wait=-PT1S",
                "after=x")) {
            ResponseEntity<String> answer = http.getForEntity("/api/events?" + query, String.class);
            assertThat(answer.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getHeaders().getContentType()).as(query)
                    .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            refused.add(query);
        }
        assertThat(refused).hasSize(7);
    }

    private long readAllNext(Journal journal) {
        long next = 0;
        while (true) {
            JsonNode page = feed("owner=" + journal.owner() + "&limit=1000&after=" + next);
            long now = page.get("next").asLong();
            if (page.get("items").isEmpty() && now == next) {
                return next;
            }
            next = now;
        }
    }
}
