package app.rapport.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.testsupport.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The round trip that moves a journal: one person's journal, with every kind of step a person
 * records, exported as {@code events.jsonl} and imported ({@code format=events}) by someone with an
 * empty journal, reads the same in the contact list, every contact and timeline, the overdue view
 * and the analytics, once the ids that had to be new are mapped. Carol keeps the journal and the
 * mentor account, whose own journal no other test writes to, imports it.
 */
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JournalRoundTripTest {

    static final Instant DAY_ZERO = Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    static final String FROM = TestUsers.CAROL;
    static final String TO = TestUsers.MENTOR;
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate anonymous;

    @Test
    void aJournalExportedAndImported_readsTheSameInEveryView() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long last = keepAJournal(tag);
        ResponseEntity<String> export = as(FROM).exchange("/api/exports/events.jsonl?consistentWith=" + last,
                HttpMethod.GET, null, String.class);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);

        HttpHeaders ndjson = new HttpHeaders();
        ndjson.setContentType(MediaType.parseMediaType("application/x-ndjson"));
        ResponseEntity<String> imported = as(TO).exchange("/api/imports?format=events", HttpMethod.POST,
                new HttpEntity<>(export.getBody().getBytes(StandardCharsets.UTF_8), ndjson), String.class);

        assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode answer = JSON.readTree(imported.getBody());
        long position = answer.get("position").asLong();
        Map<String, String> ids = idsByName(position);
        assertThat(ids).hasSize(3);
        assertThat(views(TO, ids, position)).isEqualTo(views(FROM, Map.of(), position));

        ResponseEntity<String> again = as(TO).exchange("/api/imports?format=events", HttpMethod.POST,
                new HttpEntity<>(export.getBody().getBytes(StandardCharsets.UTF_8), ndjson), String.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(JSON.readTree(again.getBody()).get("created").asInt()).isZero();
    }

    /** The source's contact ids by the importer's, matched by name (the names are unique to the run). */
    private Map<String, String> idsByName(long position) throws Exception {
        Map<String, String> fromByName = new HashMap<>();
        for (JsonNode contact : read(FROM, "/api/contacts?size=100&consistentWith=" + position).get("items")) {
            fromByName.put(contact.get("name").asText(), contact.get("contactId").asText());
        }
        Map<String, String> ids = new HashMap<>();
        for (JsonNode contact : read(TO, "/api/contacts?size=100&consistentWith=" + position).get("items")) {
            String from = fromByName.get(contact.get("name").asText());
            if (from != null) {
                ids.put(contact.get("contactId").asText(), from);
            }
        }
        return ids;
    }

    /**
     * Every view of a journal as text comparable across journals: the importer's contact ids
     * written as the source's, and without what is a journal's own (event ids, recorded times,
     * positions, versions, provenance, and the ids of interviews and follow-ups, which the import
     * gives copies of contacts of their own), or of the moment of the query ({@code overdueBy},
     * {@code asOf}).
     */
    private List<String> views(String owner, Map<String, String> ids, long position) throws Exception {
        List<String> views = new ArrayList<>();
        String consistent = "consistentWith=" + position;
        JsonNode contacts = read(owner, "/api/contacts?size=100&" + consistent);
        views.add(comparable(contacts, ids));
        for (JsonNode contact : contacts.get("items")) {
            String id = contact.get("contactId").asText();
            views.add(comparable(read(owner, "/api/contacts/" + id + "?" + consistent), ids));
            views.add(comparable(read(owner, "/api/contacts/" + id + "/timeline?size=200&" + consistent), ids));
            views.add(comparable(read(owner, "/api/contacts/" + id + "/commitments?" + consistent), ids));
        }
        views.add(comparable(read(owner, "/api/follow-ups/overdue?lookahead=P400D&" + consistent), ids));
        views.add(comparable(read(owner, "/api/reports/referrals?" + consistent), ids));
        views.add(comparable(read(owner, "/api/analytics/outreach?groupBy=channel&" + consistent), ids));
        views.add(comparable(read(owner, "/api/analytics/outreach?groupBy=month&" + consistent), ids));
        return views;
    }

    private static String comparable(JsonNode view, Map<String, String> ids) {
        JsonNode copy = view.deepCopy();
        strip(copy);
        String text = copy.toString();
        for (Map.Entry<String, String> id : ids.entrySet()) {
            text = text.replace(id.getKey(), id.getValue());
        }
        return text;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String own : List.of("entryId", "eventId", "recordedAt", "position", "version", "provenance",
                    "importId", "interviewId", "followUpId", "inquiryId", "commitmentId", "keeps", "overdueBy", "asOf")) {
                object.remove(own);
            }
            Iterator<JsonNode> fields = object.elements();
            while (fields.hasNext()) {
                strip(fields.next());
            }
        } else if (node.isArray()) {
            node.forEach(JournalRoundTripTest::strip);
        }
    }

    /** A journal with every kind of step, dated in order over the last forty days; answers its last position. */
    private long keepAJournal(String tag) {
        UUID ada = UUID.randomUUID();
        UUID referred = UUID.randomUUID();
        UUID grace = UUID.randomUUID();
        String c = "/api/contacts/" + ada;
        send(HttpMethod.POST, "/api/contacts", """
                {"contactId":"%s","name":"Ada %s","source":"COLD","email":"ada.%s@example.org",
                 "specialization":"archives","preferredChannel":"EMAIL","at":"%s"}""".formatted(ada, tag, tag, day(0)));
        send(HttpMethod.PATCH, c, "{\"role\":\"Archivist\",\"at\":\"%s\"}".formatted(day(1)));
        send(HttpMethod.PUT, c + "/cadence", "{\"days\":30,\"at\":\"%s\"}".formatted(day(1)));
        UUID held = UUID.randomUUID();
        String i = c + "/interviews/" + held;
        send(HttpMethod.POST, c + "/interviews", """
                {"interviewId":"%s","channel":"EMAIL","durationMinutes":30,"purpose":"archives","at":"%s"}"""
                .formatted(held, day(2)));
        send(HttpMethod.POST, i + "/response", "{\"outcome\":\"ACCEPTED\",\"note\":\"gladly\",\"at\":\"%s\"}".formatted(day(3)));
        send(HttpMethod.POST, i + "/schedule", "{\"scheduledFor\":\"%s\",\"mode\":\"VIDEO\",\"location\":\"Zoom\",\"at\":\"%s\"}"
                .formatted(day(6), day(3)));
        send(HttpMethod.POST, i + "/preparation", "{\"questions\":[\"How did you start?\"],\"at\":\"%s\"}".formatted(day(4)));
        send(HttpMethod.POST, i + "/hold", """
                {"heldAt":"%s","actualMinutes":40,"notes":"went well","checklist":{"thankedAtStart":true,
                 "introducedSelf":true,"askedForReferrals":true,"thankedAtEnd":false}}""".formatted(day(6)));
        send(HttpMethod.POST, i + "/thank-you", "{\"channel\":\"EMAIL\",\"at\":\"%s\"}".formatted(day(8)));
        UUID article = UUID.randomUUID();
        UUID thanks = UUID.randomUUID();
        UUID visit = UUID.randomUUID();
        List<UUID> promises = List.of(article, thanks, visit);
        for (int n = 0; n < promises.size(); n++) {
            // made a minute apart, so every ledger lists them in the same order whatever their ids
            send(HttpMethod.POST, c + "/commitments", "{\"commitmentId\":\"%s\",\"promise\":\"promise %d\",\"interviewId\":\"%s\",\"dueBy\":\"%s\",\"at\":\"%s\"}"
                    .formatted(promises.get(n), n, held, day(25).plusSeconds(60L * n), day(7).plusSeconds(60L * n)));
        }
        send(HttpMethod.POST, c + "/commitments/" + thanks + "/kept", "{\"note\":\"done\",\"at\":\"%s\"}".formatted(day(9)));
        send(HttpMethod.POST, c + "/commitments/" + visit + "/dropped", "{\"reason\":\"moved away\",\"at\":\"%s\"}".formatted(day(9)));
        send(HttpMethod.POST, c + "/follow-ups", "{\"kind\":\"ADVICE_TAKEN\",\"channel\":\"EMAIL\",\"note\":\"read it\",\"keeps\":[\"%s\"],\"at\":\"%s\"}"
                .formatted(article, day(10)));
        send(HttpMethod.POST, c + "/follow-ups", "{\"kind\":\"CHECK_IN\",\"channel\":\"PHONE\",\"at\":\"%s\"}".formatted(day(11)));
        send(HttpMethod.POST, c + "/job-inquiries", "{\"note\":\"any openings?\",\"at\":\"%s\"}".formatted(day(12)));
        JsonNode timeline = read(FROM, c + "/timeline?size=100&consistentWith=" + lastPosition);
        send(HttpMethod.POST, c + "/entries/" + entry(timeline, "FollowUpLogged", 0) + "/correction",
                "{\"reason\":\"typo\",\"note\":\"read both of them\"}");
        send(HttpMethod.POST, c + "/entries/" + entry(timeline, "FollowUpLogged", 1) + "/retraction",
                "{\"reason\":\"logged twice\"}");
        send(HttpMethod.POST, c + "/entries/" + entry(timeline, "InterviewHeld", 0) + "/correction",
                "{\"actualMinutes\":30,\"reason\":\"misread the clock\"}");
        send(HttpMethod.POST, c + "/referrals", "{\"contactId\":\"%s\",\"name\":\"Referred %s\",\"role\":\"Curator\",\"at\":\"%s\"}"
                .formatted(referred, tag, day(13)));
        UUID declined = UUID.randomUUID();
        send(HttpMethod.POST, "/api/contacts/" + referred + "/interviews", """
                {"interviewId":"%s","channel":"PHONE","durationMinutes":20,"purpose":"curation","at":"%s"}"""
                .formatted(declined, day(14)));
        send(HttpMethod.POST, "/api/contacts/" + referred + "/interviews/" + declined + "/response",
                "{\"outcome\":\"DECLINED\",\"at\":\"%s\"}".formatted(day(15)));

        String g = "/api/contacts/" + grace;
        send(HttpMethod.POST, "/api/contacts", "{\"contactId\":\"%s\",\"name\":\"Grace %s\",\"source\":\"EVENT\",\"at\":\"%s\"}"
                .formatted(grace, tag, day(0)));
        UUID unanswered = UUID.randomUUID();
        send(HttpMethod.POST, g + "/interviews", "{\"interviewId\":\"%s\",\"channel\":\"EMAIL\",\"durationMinutes\":25,\"purpose\":\"navy\",\"at\":\"%s\"}"
                .formatted(unanswered, day(20)));
        send(HttpMethod.POST, g + "/interviews/" + unanswered + "/nudge", "{\"channel\":\"EMAIL\",\"note\":\"bump\",\"at\":\"%s\"}"
                .formatted(day(28)));
        UUID scheduled = UUID.randomUUID();
        send(HttpMethod.POST, g + "/interviews", "{\"interviewId\":\"%s\",\"channel\":\"VIDEO\",\"durationMinutes\":15,\"purpose\":\"code\",\"at\":\"%s\"}"
                .formatted(scheduled, day(30)));
        send(HttpMethod.POST, g + "/interviews/" + scheduled + "/response", "{\"outcome\":\"ACCEPTED\",\"at\":\"%s\"}".formatted(day(31)));
        send(HttpMethod.POST, g + "/interviews/" + scheduled + "/schedule", "{\"scheduledFor\":\"%s\",\"mode\":\"VIDEO\",\"at\":\"%s\"}"
                .formatted(Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS), day(31)));
        send(HttpMethod.POST, g + "/archive", null);
        send(HttpMethod.POST, g + "/restore", null);
        send(HttpMethod.PUT, "/api/profile", "{\"displayName\":\"Carol\",\"school\":\"State U\",\"interests\":[\"archives\"]}");
        return lastPosition;
    }

    private long lastPosition;

    private void send(HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> answer = as(FROM).exchange(path, method, new HttpEntity<>(body, headers), String.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s %s: %s", method, path, answer.getBody()).isTrue();
        try {
            JsonNode json = JSON.readTree(answer.getBody());
            lastPosition = Math.max(lastPosition, json.path("position").asLong());
        } catch (Exception notJson) {
            throw new IllegalStateException(notJson);
        }
    }

    private JsonNode read(String owner, String path) {
        ResponseEntity<String> answer = as(owner).exchange(path, HttpMethod.GET, null, String.class);
        assertThat(answer.getStatusCode()).as("%s: %s", path, answer.getBody()).isEqualTo(HttpStatus.OK);
        try {
            return JSON.readTree(answer.getBody());
        } catch (Exception notJson) {
            throw new IllegalStateException(notJson);
        }
    }

    private static String entry(JsonNode timeline, String type, int nth) {
        int seen = 0;
        for (JsonNode entry : timeline.get("items")) {
            if (type.equals(entry.get("type").asText()) && seen++ == nth) {
                return entry.get("entryId").asText();
            }
        }
        throw new IllegalArgumentException("no " + type + " number " + nth + " in " + timeline);
    }

    private TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, TestUsers.passwordOf(user));
    }

    private static Instant day(int n) {
        return DAY_ZERO.plus(n, ChronoUnit.DAYS);
    }
}
