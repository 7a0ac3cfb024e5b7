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
 * A hold logged on the wrong day, corrected through the HTTP API: the overdue thank-you moves with
 * the corrected time, the analytics stop counting an overrun, the timeline shows the correction,
 * the journal as it stood before the correction still shows the original, and the audit has both
 * events. Then the hold is retracted and recorded again.
 */
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CorrectionStoryTest {

    static final Instant MET = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    static final Instant WRONG_DAY = MET.plus(5, ChronoUnit.DAYS);
    static final Instant RIGHT_DAY = MET.plus(6, ChronoUnit.DAYS);

    @Autowired
    TestRestTemplate anonymous;

    @Test
    void aHoldLoggedOnTheWrongDayIsCorrectedInEveryView_andThePastJournalKeepsTheOriginal() {
        UUID contact = UUID.randomUUID();
        UUID interview = UUID.randomUUID();
        String c = "/api/contacts/" + contact;
        String i = c + "/interviews/" + interview;
        String specialization = "records-" + contact;
        send(HttpMethod.POST, "/api/contacts", """
                {"contactId":"%s","name":"Ines Duarte","specialization":"%s","source":"COLD","at":"%s"}"""
                .formatted(contact, specialization, MET));
        send(HttpMethod.POST, c + "/interviews", """
                {"interviewId":"%s","channel":"EMAIL","durationMinutes":30,"purpose":"records management","at":"%s"}"""
                .formatted(interview, MET.plus(1, ChronoUnit.HOURS)));
        send(HttpMethod.POST, i + "/response", """
                {"outcome":"ACCEPTED","at":"%s"}""".formatted(MET.plus(1, ChronoUnit.DAYS)));
        send(HttpMethod.POST, i + "/schedule", """
                {"scheduledFor":"%s","mode":"VIDEO","at":"%s"}""".formatted(WRONG_DAY, MET.plus(1, ChronoUnit.DAYS)));
        long held = send(HttpMethod.POST, i + "/hold", """
                {"heldAt":"%s","actualMinutes":45,"notes":"she keeps the city's archive"}""".formatted(WRONG_DAY));

        assertThat(thankYouDueAt(contact, held)).isEqualTo(WRONG_DAY.plus(24, ChronoUnit.HOURS));
        assertThat(outreach(specialization, held).get("overran").asInt()).isEqualTo(1);
        Instant beforeCorrection = Instant.now();

        String holdEntry = entryOfType(read(c + "/timeline?consistentWith=" + held), "InterviewHeld").get("entryId").asText();
        long corrected = send(HttpMethod.POST, c + "/entries/" + holdEntry + "/correction", """
                {"heldAt":"%s","actualMinutes":30,"reason":"logged it on the day I wrote it up"}""".formatted(RIGHT_DAY));

        assertThat(thankYouDueAt(contact, corrected)).isEqualTo(RIGHT_DAY.plus(24, ChronoUnit.HOURS));
        assertThat(outreach(specialization, corrected).get("overran").asInt()).isZero();
        assertThat(outreach(specialization, corrected).get("held").asInt()).isEqualTo(1);

        JsonNode timeline = read(c + "/timeline?consistentWith=" + corrected);
        JsonNode hold = entryOfType(timeline, "InterviewHeld");
        assertThat(Instant.parse(hold.get("at").asText())).isEqualTo(RIGHT_DAY);
        assertThat(flags(hold)).contains("CORRECTED").doesNotContain("OVERRAN");
        assertThat(entryOfType(timeline, "EntryCorrected").get("summary").asText())
                .contains("logged it on the day I wrote it up");

        JsonNode asItStood = read(c + "/timeline?asOf=" + beforeCorrection + "&consistentWith=" + corrected);
        JsonNode original = entryOfType(asItStood, "InterviewHeld");
        assertThat(Instant.parse(original.get("at").asText())).isEqualTo(WRONG_DAY);
        assertThat(flags(original)).contains("OVERRAN").doesNotContain("CORRECTED");
        assertThat(asItStood.get("items").findValuesAsText("type")).doesNotContain("EntryCorrected");

        JsonNode audit = read("/api/audit?contactId=" + contact + "&consistentWith=" + corrected);
        assertThat(audit.get("items").findValuesAsText("type")).contains("InterviewHeld", "EntryCorrected");

        long retracted = send(HttpMethod.POST, c + "/entries/" + holdEntry + "/retraction", """
                {"reason":"it was cancelled at the last minute"}""");
        assertThat(read(c + "?consistentWith=" + retracted).get("interviews").get(0).get("status").asText())
                .isEqualTo("SCHEDULED");
        assertThat(thankYouDueAt(contact, retracted)).isNull();
        assertThat(outreach(specialization, retracted).get("held").asInt()).isZero();

        long heldAgain = send(HttpMethod.POST, i + "/hold", """
                {"heldAt":"%s","actualMinutes":25}""".formatted(RIGHT_DAY));
        assertThat(thankYouDueAt(contact, heldAgain)).isEqualTo(RIGHT_DAY.plus(24, ChronoUnit.HOURS));
        assertThat(outreach(specialization, heldAgain).get("held").asInt()).isEqualTo(1);
    }

    private TestRestTemplate alice() {
        return anonymous.withBasicAuth(TestUsers.ALICE, TestUsers.passwordOf(TestUsers.ALICE));
    }

    private Instant thankYouDueAt(UUID contact, long position) {
        JsonNode due = read("/api/follow-ups/overdue?lookahead=P90D&consistentWith=" + position);
        return StreamSupport.stream(due.get("items").spliterator(), false)
                .filter(item -> item.get("contactId").asText().equals(contact.toString()))
                .filter(item -> item.get("kind").asText().equals("THANK_YOU"))
                .map(item -> Instant.parse(item.get("dueAt").asText()))
                .findFirst().orElse(null);
    }

    private JsonNode outreach(String specialization, long position) {
        JsonNode outreach = read("/api/analytics/outreach?groupBy=specialization&consistentWith=" + position);
        return StreamSupport.stream(outreach.get("rows").spliterator(), false)
                .filter(row -> row.get("key").asText().equals(specialization)).findFirst().orElseThrow();
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

    private static JsonNode entryOfType(JsonNode timeline, String type) {
        for (JsonNode entry : timeline.get("items")) {
            if (entry.get("type").asText().equals(type)) {
                return entry;
            }
        }
        throw new AssertionError("No " + type + " entry in " + timeline);
    }

    private static List<String> flags(JsonNode entry) {
        return StreamSupport.stream(entry.get("flags").spliterator(), false).map(JsonNode::asText).toList();
    }
}
