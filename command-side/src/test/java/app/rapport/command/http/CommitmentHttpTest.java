package app.rapport.command.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.testsupport.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The commitments' commands over HTTP: the answers, a safe retry, a follow-up that keeps, and each refusal's problem. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommitmentHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    CommandApi api;
    final Instant earlier = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void client() {
        api = new CommandApi(http.withBasicAuth(TestUsers.DEMO, TestUsers.passwordOf(TestUsers.DEMO)));
    }

    @Test
    void aCommitmentIsMade_retriedSafely_keptByAFollowUp_andAnotherDropped() {
        String c = "/api/contacts/" + addContact();
        UUID article = UUID.randomUUID();
        String made = """
                {"commitmentId":"%s","promise":"send the article","dueBy":"%s","at":"%s"}"""
                .formatted(article, earlier.plus(7, ChronoUnit.DAYS), earlier);

        ResponseEntity<Map<String, Object>> first = api.post(c + "/commitments", made);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody()).containsEntry("commitmentId", article.toString()).containsEntry("version", 2)
                .containsKey("position").containsKey("contactId");
        assertThat(first.getHeaders().getLocation()).hasToString(c + "/commitments/" + article);
        ResponseEntity<Map<String, Object>> retry = api.post(c + "/commitments", made);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getBody()).containsEntry("version", 2);

        UUID news = UUID.randomUUID();
        assertThat(api.post(c + "/commitments", """
                {"commitmentId":"%s","promise":"tell her how the application went","at":"%s"}"""
                .formatted(news, earlier)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map<String, Object>> followUp = api.post(c + "/follow-ups", """
                {"kind":"ADVICE_TAKEN","channel":"EMAIL","keeps":["%s"],"at":"%s"}"""
                .formatted(article, earlier.plus(1, ChronoUnit.DAYS)));
        assertThat(followUp.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map<String, Object>> dropped = api.post(c + "/commitments/" + news + "/dropped",
                "{\"reason\":\"she changed jobs\"}");
        assertThat(dropped.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(dropped.getBody()).containsEntry("commitmentId", news.toString()).containsEntry("version", 6);

        List<String> types = jdbc.queryForList("""
                SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""",
                String.class, c.substring(c.lastIndexOf('/') + 1));
        assertThat(types).containsExactly("app.rapport.events.contact.ContactAdded",
                "app.rapport.events.commitment.CommitmentMade", "app.rapport.events.commitment.CommitmentMade",
                "app.rapport.events.contact.FollowUpLogged", "app.rapport.events.commitment.CommitmentKept",
                "app.rapport.events.commitment.CommitmentDropped");
    }

    @Test
    void keptTwiceWithTheSameNote_isAnsweredAsTheFirst_butDroppingItAfterwardsIsAConflict() {
        String c = "/api/contacts/" + addContact();
        UUID article = makeCommitment(c);

        ResponseEntity<Map<String, Object>> kept = api.post(c + "/commitments/" + article + "/kept",
                "{\"note\":\"sent it\"}");
        assertThat(kept.getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map<String, Object>> again = api.post(c + "/commitments/" + article + "/kept",
                "{\"note\":\"sent it\"}");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("version", kept.getBody().get("version"));

        assertProblem(api.post(c + "/commitments/" + article + "/dropped", null), HttpStatus.CONFLICT,
                "/problems/commitment-not-open");
        assertProblem(api.post(c + "/follow-ups", """
                {"kind":"CHECK_IN","channel":"EMAIL","keeps":["%s"]}""".formatted(article)),
                HttpStatus.CONFLICT, "/problems/commitment-not-open");
    }

    @Test
    void refusals_areProblems() {
        String c = "/api/contacts/" + addContact();

        assertProblem(api.post(c + "/commitments/" + UUID.randomUUID() + "/kept", null), HttpStatus.NOT_FOUND,
                "/problems/commitment-not-found");
        assertProblem(api.post("/api/contacts/" + UUID.randomUUID() + "/commitments", "{\"promise\":\"x\"}"),
                HttpStatus.NOT_FOUND, "/problems/contact-not-found");
        assertProblem(api.post(c + "/commitments", "{\"promise\":\"x\",\"interviewId\":\"%s\"}"
                .formatted(UUID.randomUUID())), HttpStatus.NOT_FOUND, "/problems/interview-not-found");
        assertProblem(api.post(c + "/commitments", "{\"promise\":\"x\",\"dueBy\":\"%s\",\"at\":\"%s\"}"
                .formatted(earlier, earlier.plusSeconds(60))), HttpStatus.CONFLICT, "/problems/due-before-made");
        assertProblem(api.post(c + "/commitments", "{\"promise\":\"" + "x".repeat(501) + "\"}"),
                HttpStatus.BAD_REQUEST, "/problems/invalid-request");
        assertProblem(api.post(c + "/commitments", "{\"promise\":\" \"}"), HttpStatus.BAD_REQUEST,
                "/problems/invalid-request");
        assertProblem(api.post(c + "/follow-ups", "{\"kind\":\"CHECK_IN\",\"channel\":\"EMAIL\",\"keeps\":[null]}"),
                HttpStatus.BAD_REQUEST, "/problems/invalid-request");
        assertProblem(api.post(c + "/follow-ups", "{\"kind\":\"CHECK_IN\",\"channel\":\"EMAIL\",\"keeps\":[\"%s\"]}"
                .formatted(UUID.randomUUID())), HttpStatus.CONFLICT, "/problems/commitment-not-open");
    }

    private UUID makeCommitment(String contactPath) {
        UUID id = UUID.randomUUID();
        assertThat(api.post(contactPath + "/commitments", "{\"commitmentId\":\"%s\",\"promise\":\"send the article\",\"at\":\"%s\"}"
                .formatted(id, earlier)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return id;
    }

    private UUID addContact() {
        UUID id = UUID.randomUUID();
        ResponseEntity<Map<String, Object>> answer = api.post("/api/contacts", """
                {"contactId":"%s","name":"Ada Lovelace","source":"COLD","at":"%s"}"""
                .formatted(id, earlier.minus(1, ChronoUnit.DAYS)));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return id;
    }

    private static void assertProblem(ResponseEntity<Map<String, Object>> answer, HttpStatus status, String type) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody()).containsEntry("type", type).containsEntry("status", status.value());
    }
}
