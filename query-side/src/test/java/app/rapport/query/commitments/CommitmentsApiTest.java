package app.rapport.query.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import app.rapport.query.Journal;
import app.rapport.query.Promises;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.testsupport.TestUsers;
import app.rapport.values.Channel;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/contacts/{id}/commitments} over HTTP against PostgreSQL. The caller is
 * {@code demo}; most tests read a fresh mentee's journal shared with demo.
 */
class CommitmentsApiTest extends QueryIntegrationTest {

    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final Instant DUE = T0.plus(Duration.ofDays(7));

    Journal mentee() {
        Journal journal = journal();
        journal.grant(TestUsers.DEMO, T0);
        return journal;
    }

    ResponseEntity<JsonNode> get(String uri) {
        return http.getForEntity(uri, JsonNode.class);
    }

    void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theLedger_listsEachPromise_withHowItStands_oldestFirst_andPaged() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0);
        UUID open = Promises.make(maya, "send the article", interview, DUE, T0.plusSeconds(60));
        UUID kept = Promises.make(maya, "send the slides", null, DUE, T0.plusSeconds(120));
        UUID dropped = Promises.make(maya, "visit the archive", null, null, T0.plusSeconds(180));
        UUID followUp = Promises.followUpKeeping(maya, T0.plus(Duration.ofDays(2)), kept);
        Promises.drop(maya, dropped, "it closed", T0.plus(Duration.ofDays(3)));
        String base = "/api/contacts/" + maya.id + "/commitments?owner=" + mentee.owner()
                + "&consistentWith=" + maya.position();

        JsonNode ledger = ok(base);

        assertThat(ledger.get("total").asLong()).isEqualTo(3);
        assertThat(ledger.get("items").findValuesAsText("commitmentId"))
                .containsExactly(open.toString(), kept.toString(), dropped.toString());
        assertThat(ledger.get("items").findValuesAsText("status")).containsExactly("OPEN", "KEPT", "DROPPED");
        JsonNode first = ledger.get("items").get(0);
        assertThat(first.get("promise").asText()).isEqualTo("send the article");
        assertThat(first.get("interviewId").asText()).isEqualTo(interview.toString());
        assertThat(first.get("madeAt").asText()).isEqualTo(T0.plusSeconds(60).toString());
        assertThat(first.get("dueBy").asText()).isEqualTo(DUE.toString());
        assertThat(first.get("keptAt").isNull()).isTrue();
        JsonNode second = ledger.get("items").get(1);
        assertThat(second.get("keptAt").asText()).isEqualTo(T0.plus(Duration.ofDays(2)).toString());
        assertThat(second.get("followUpId").asText()).isEqualTo(followUp.toString());
        JsonNode third = ledger.get("items").get(2);
        assertThat(third.get("dueBy").isNull()).isTrue();
        assertThat(third.get("droppedAt").asText()).isEqualTo(T0.plus(Duration.ofDays(3)).toString());
        assertThat(third.get("reason").asText()).isEqualTo("it closed");

        JsonNode page = ok(base + "&page=1&size=2");
        assertThat(page.get("items").findValuesAsText("commitmentId")).containsExactly(dropped.toString());
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("size").asInt()).isEqualTo(2);
    }

    @Test
    void aContactWithoutPromises_hasAnEmptyLedger() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);

        JsonNode ledger = ok("/api/contacts/" + maya.id + "/commitments?owner=" + mentee.owner()
                + "&consistentWith=" + maya.position());

        assertThat(ledger.get("items")).isEmpty();
        assertThat(ledger.get("total").asLong()).isZero();
    }

    @Test
    void someoneElsesContact_isNotFound_withOrWithoutNamingTheirJournal() {
        Journal stranger = journal();
        var maya = stranger.contact("Maya Chen", T0);
        Promises.make(maya, "send the article", null, DUE, T0);
        awaitProjections();

        assertProblem(get("/api/contacts/" + maya.id + "/commitments"), HttpStatus.NOT_FOUND);
        assertProblem(get("/api/contacts/" + maya.id + "/commitments?owner=" + stranger.owner()), HttpStatus.NOT_FOUND);
    }

    @Test
    void aRevokedGrant_closesTheLedgerAgain() {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        mentee.revoke(TestUsers.DEMO, T0.plusSeconds(60));
        awaitProjections();

        assertProblem(get("/api/contacts/" + maya.id + "/commitments?owner=" + mentee.owner()), HttpStatus.NOT_FOUND);
    }

    @Test
    void anUnknownContact_isNotFound_andBadParameters_areBadRequests() {
        assertProblem(get("/api/contacts/" + UUID.randomUUID() + "/commitments"), HttpStatus.NOT_FOUND);
        assertProblem(get("/api/contacts/not-a-uuid/commitments"), HttpStatus.BAD_REQUEST);
        assertProblem(get("/api/contacts/" + UUID.randomUUID() + "/commitments?size=0"), HttpStatus.BAD_REQUEST);
        assertProblem(get("/api/contacts/" + UUID.randomUUID() + "/commitments?page=-1"), HttpStatus.BAD_REQUEST);
        assertProblem(get("/api/contacts/" + UUID.randomUUID() + "/commitments?consistentWith=-1"),
                HttpStatus.BAD_REQUEST);
    }
}
