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

/**
 * {@code POST /api/contacts/{id}/referrals/links} end to end: the referred contact's journal is
 * read from the event store, so another networker's contact is as unknown as a missing one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferralLinkHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    CommandApi demo;
    CommandApi alice;
    final Instant earlier = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void clients() {
        demo = new CommandApi(http.withBasicAuth(TestUsers.DEMO, TestUsers.passwordOf(TestUsers.DEMO)));
        alice = new CommandApi(http.withBasicAuth(TestUsers.ALICE, TestUsers.passwordOf(TestUsers.ALICE)));
    }

    @Test
    void aLinkIsRecordedOnTheReferrer_andAnsweredWithItsVersionAndPosition() {
        UUID referrer = addContact(demo, "Ana Ruiz");
        UUID existing = addContact(demo, "Eve Stone");

        ResponseEntity<Map<String, Object>> answer = link(demo, referrer, existing);

        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).containsEntry("contactId", referrer.toString()).containsEntry("version", 2)
                .containsKey("position");
        assertThat(typesOf(referrer)).containsExactly("ContactAdded", "ReferralLinked");
        assertThat(typesOf(existing)).containsExactly("ContactAdded");
    }

    @Test
    void linkingTheSameReferralAgain_isAnsweredAsTheFirstTime_withoutANewEvent() {
        UUID referrer = addContact(demo, "Ana Ruiz");
        UUID existing = addContact(demo, "Eve Stone");
        ResponseEntity<Map<String, Object>> first = link(demo, referrer, existing);

        ResponseEntity<Map<String, Object>> again = link(demo, referrer, existing);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(typesOf(referrer)).containsExactly("ContactAdded", "ReferralLinked");
    }

    @Test
    void anotherNetworkersContact_isNotFound_asAMissingOneIs() {
        UUID referrer = addContact(demo, "Ana Ruiz");
        UUID alicesContact = addContact(alice, "Alice's Contact");

        assertProblem(link(demo, referrer, alicesContact), HttpStatus.NOT_FOUND, "/problems/contact-not-found");
        assertProblem(link(demo, referrer, UUID.randomUUID()), HttpStatus.NOT_FOUND, "/problems/contact-not-found");
        assertProblem(link(alice, referrer, alicesContact), HttpStatus.NOT_FOUND, "/problems/contact-not-found");
        assertThat(typesOf(referrer)).containsExactly("ContactAdded");
    }

    @Test
    void aLinkToTheReferrerItself_isAConflict() {
        UUID referrer = addContact(demo, "Ana Ruiz");

        assertProblem(link(demo, referrer, referrer), HttpStatus.CONFLICT, "/problems/referral-to-self");
    }

    @Test
    void aLinkWithoutTheReferredContact_isABadRequestNamingIt() {
        UUID referrer = addContact(demo, "Ana Ruiz");

        ResponseEntity<Map<String, Object>> answer = demo.post("/api/contacts/" + referrer + "/referrals/links", "{}");

        assertProblem(answer, HttpStatus.BAD_REQUEST, "/problems/invalid-request");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) answer.getBody().get("errors");
        assertThat(errors).extracting(error -> error.get("field")).contains("referredContactId");
    }

    private ResponseEntity<Map<String, Object>> link(CommandApi api, UUID referrer, UUID referred) {
        return api.post("/api/contacts/" + referrer + "/referrals/links",
                "{\"referredContactId\":\"%s\",\"at\":\"%s\"}".formatted(referred, earlier));
    }

    private UUID addContact(CommandApi api, String name) {
        UUID id = UUID.randomUUID();
        ResponseEntity<Map<String, Object>> answer = api.post("/api/contacts", """
                {"contactId":"%s","name":"%s","source":"COLD","at":"%s"}"""
                .formatted(id, name, earlier.minus(1, ChronoUnit.DAYS)));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return id;
    }

    private List<String> typesOf(UUID aggregate) {
        return jdbc.queryForList("""
                SELECT substring(payload_type from '[^.]+$') FROM domain_event_entry
                WHERE aggregate_identifier = ? ORDER BY sequence_number""", String.class, aggregate.toString())
                .stream().toList();
    }

    private static void assertProblem(ResponseEntity<Map<String, Object>> answer, HttpStatus status, String type) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody()).containsEntry("type", type).containsEntry("status", status.value());
    }
}
