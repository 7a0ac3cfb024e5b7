package app.rapport.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import app.rapport.testsupport.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
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
 * One relationship from first request to job inquiry, through the standalone app's HTTP API:
 * every command answered, and every read model showing it once it has caught up with the
 * command's position.
 */
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JourneyTest {

    static final Instant MET = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    TestRestTemplate anonymous;

    TestRestTemplate alice() {
        return anonymous.withBasicAuth(TestUsers.ALICE, TestUsers.passwordOf(TestUsers.ALICE));
    }

    @Test
    void aRelationshipFromRequestToJobInquiryShowsInEveryReadModel() {
        UUID contact = UUID.randomUUID();
        UUID interview = UUID.randomUUID();
        String c = "/api/contacts/" + contact;
        String i = c + "/interviews/" + interview;

        send(HttpMethod.POST, "/api/contacts", """
                {"contactId":"%s","name":"Maya Chen","organization":"City Archives","specialization":"archives",
                 "source":"EVENT","preferredChannel":"EMAIL","at":"%s"}""".formatted(contact, MET));
        send(HttpMethod.POST, c + "/interviews", """
                {"interviewId":"%s","channel":"EMAIL","durationMinutes":30,"purpose":"archives work","at":"%s"}"""
                .formatted(interview, MET.plus(1, ChronoUnit.HOURS)));
        send(HttpMethod.POST, i + "/response", at("{\"outcome\":\"ACCEPTED\",\"at\":\"%s\"}", MET.plus(1, ChronoUnit.DAYS)));
        send(HttpMethod.POST, i + "/schedule", """
                {"scheduledFor":"%s","mode":"VIDEO","at":"%s"}""".formatted(MET.plus(5, ChronoUnit.DAYS),
                MET.plus(1, ChronoUnit.DAYS)));
        send(HttpMethod.POST, i + "/preparation", at("{\"questions\":[\"How did you start?\"],\"at\":\"%s\"}",
                MET.plus(3, ChronoUnit.DAYS)));
        send(HttpMethod.POST, i + "/hold", """
                {"heldAt":"%s","actualMinutes":45,"checklist":{"thankedAtStart":true,"introducedSelf":true,
                 "askedForReferrals":false,"thankedAtEnd":true}}""".formatted(MET.plus(5, ChronoUnit.DAYS)));
        send(HttpMethod.POST, i + "/thank-you", at("{\"channel\":\"EMAIL\",\"at\":\"%s\"}", MET.plus(7, ChronoUnit.DAYS)));
        send(HttpMethod.POST, c + "/follow-ups", at("{\"kind\":\"ADVICE_TAKEN\",\"channel\":\"EMAIL\",\"at\":\"%s\"}",
                MET.plus(10, ChronoUnit.DAYS)));
        long position = send(HttpMethod.POST, c + "/job-inquiries",
                at("{\"note\":\"Any openings?\",\"at\":\"%s\"}", MET.plus(12, ChronoUnit.DAYS)));
        String consistent = "consistentWith=" + position;

        JsonNode detail = read(c + "?" + consistent);
        assertThat(detail.get("stage").asText()).isEqualTo("ESTABLISHED");
        assertThat(detail.get("interviews").get(0).get("status").asText()).isEqualTo("THANKED");
        assertThat(detail.get("health").get("score").asInt()).as("touched 8 days ago 60, accepted 20, thanked late 10")
                .isEqualTo(90);
        assertThat(detail.get("health").get("band").asText()).isEqualTo("STRONG");
        JsonNode byHealth = read("/api/contacts?sort=health&" + consistent);
        assertThat(byHealth.get("items").findValues("health")).isNotEmpty();

        JsonNode timeline = read(c + "/timeline?" + consistent);
        List<String> types = timeline.get("items").findValuesAsText("type");
        assertThat(types).startsWith("ContactAdded", "InterviewRequested").endsWith("JobInquiryMade");
        assertThat(flagsOf(timeline, "InterviewHeld")).contains("OVERRAN");
        assertThat(flagsOf(timeline, "ThankYouSent")).contains("LATE_THANK_YOU");
        assertThat(flagsOf(timeline, "JobInquiryMade")).doesNotContain("EARLY_JOB_INQUIRY");

        JsonNode due = read("/api/follow-ups/overdue?lookahead=P90D&" + consistent);
        List<String> dueForMaya = StreamSupport.stream(due.get("items").spliterator(), false)
                .filter(item -> item.get("contactId").asText().equals(contact.toString()))
                .map(item -> item.get("kind").asText()).toList();
        assertThat(dueForMaya).containsExactly("KEEP_IN_TOUCH");

        JsonNode outreach = read("/api/analytics/outreach?groupBy=specialization&" + consistent);
        JsonNode archives = StreamSupport.stream(outreach.get("rows").spliterator(), false)
                .filter(row -> row.get("key").asText().equals("archives")).findFirst().orElseThrow();
        assertThat(archives.get("requests").asInt()).isEqualTo(1);
        assertThat(archives.get("accepted").asInt()).isEqualTo(1);
        assertThat(archives.get("held").asInt()).isEqualTo(1);
        assertThat(archives.get("overran").asInt()).isEqualTo(1);
        assertThat(archives.get("thankYouWithin24h").asInt()).isZero();
        assertThat(archives.get("responseRate").asDouble()).isEqualTo(1.0);

        JsonNode byTwo = read("/api/analytics/outreach?groupBy=specialization,month&" + consistent);
        String month = MET.plus(1, ChronoUnit.HOURS).toString().substring(0, 7);
        JsonNode archivesThatMonth = StreamSupport.stream(byTwo.get("rows").spliterator(), false)
                .filter(row -> row.get("keys").get("specialization").asText().equals("archives")
                        && row.get("keys").get("month").asText().equals(month)).findFirst().orElseThrow();
        assertThat(archivesThatMonth.get("requests").asInt()).isEqualTo(1);

        JsonNode audit = read("/api/audit?contactId=" + contact + "&" + consistent);
        assertThat(audit.get("total").asInt()).isEqualTo(9);
        assertThat(audit.get("items").findValuesAsText("actor")).containsOnly(TestUsers.ALICE);
    }

    private static String at(String template, Instant at) {
        return template.formatted(at);
    }

    private long send(HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> answer = alice().exchange(path, method, new HttpEntity<>(body, headers), Map.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s %s: %s", method, path, answer.getBody()).isTrue();
        return ((Number) answer.getBody().get("position")).longValue();
    }

    private JsonNode read(String path) {
        ResponseEntity<JsonNode> answer = alice().getForEntity(path, JsonNode.class);
        assertThat(answer.getStatusCode()).as("%s: %s", path, answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static List<String> flagsOf(JsonNode timeline, String type) {
        for (JsonNode entry : timeline.get("items")) {
            if (entry.get("type").asText().equals(type)) {
                return StreamSupport.stream(entry.get("flags").spliterator(), false).map(JsonNode::asText).toList();
            }
        }
        throw new AssertionError("No " + type + " entry in " + timeline);
    }
}
