package app.rapport.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.command.CommandSideApplication;
import app.rapport.query.QuerySideApplication;
import app.rapport.testsupport.TestDatabase;
import app.rapport.testsupport.TestDatabases;
import app.rapport.testsupport.TestUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The production shape: the command side and the query side as separate apps on one shared
 * PostgreSQL, each migrating only what it owns and both healthy.
 */
class SplitDeploymentTest {

    private static final Logger log = LoggerFactory.getLogger(SplitDeploymentTest.class);

    @Test
    void bothSidesStartOnOneSharedDatabase() {
        TestDatabase database = TestDatabases.create();

        try (ConfigurableApplicationContext command = SplitApps.start(CommandSideApplication.class, database);
             ConfigurableApplicationContext query = SplitApps.start(QuerySideApplication.class, database)) {

            assertThat(health(command)).contains("\"status\":\"UP\"");
            assertThat(health(query)).contains("\"status\":\"UP\"");
            assertThat(command.containsBean("querySideConfiguration")).isFalse();
            assertThat(query.containsBean("commandSideApplication")).isFalse();
            Integer eventTables = query.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT count(*) FROM information_schema.tables WHERE table_name = 'domain_event_entry'",
                    Integer.class);
            assertThat(eventTables).isEqualTo(1);
        }
    }

    @Test
    void aRevocationOnTheCommandSideClosesTheJournalOnTheQuerySideAtOnce() {
        TestDatabase database = TestDatabases.create();

        try (ConfigurableApplicationContext command = SplitApps.start(CommandSideApplication.class, database);
             ConfigurableApplicationContext query = SplitApps.start(QuerySideApplication.class, database)) {
            RestTemplate alice = SplitApps.client(command, TestUsers.ALICE);
            RestTemplate mentor = SplitApps.client(query, TestUsers.MENTOR);
            String aliceContacts = "/api/contacts?owner=" + TestUsers.ALICE;

            alice.put("/api/mentors/" + TestUsers.MENTOR, null);
            assertThat(mentor.getForEntity(aliceContacts, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

            alice.delete("/api/mentors/" + TestUsers.MENTOR);
            long revokedAt = System.nanoTime();
            HttpStatusCode after = mentor.exchange(aliceContacts, HttpMethod.GET, null, String.class).getStatusCode();
            long tookMs = (System.nanoTime() - revokedAt) / 1_000_000;

            log.info("Revoked on the command side; the query side answered {} {} ms later", after, tookMs);
            assertThat(after).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(tookMs).isLessThan(1000);
        }
    }

    @Test
    void twoQueryReplicasShareTheSegmentsAndBothReadYourWrites() {
        TestDatabase database = TestDatabases.create();

        try (ConfigurableApplicationContext command = SplitApps.start(CommandSideApplication.class, database);
             ConfigurableApplicationContext first = SplitApps.start(QuerySideApplication.class, database, ONE_SEGMENT_EACH,
                     "--rapport.processors.node-id=replica-1");
             ConfigurableApplicationContext second = SplitApps.start(QuerySideApplication.class, database, ONE_SEGMENT_EACH,
                     "--rapport.processors.node-id=replica-2")) {
            RestTemplate alice = SplitApps.client(command, TestUsers.ALICE);
            UUID contact = UUID.randomUUID();
            Map<?, ?> added = alice.postForObject("/api/contacts",
                    Map.of("contactId", contact, "name", "Replicated", "source", "COLD"), Map.class);
            long position = ((Number) added.get("position")).longValue();

            for (ConfigurableApplicationContext replica : List.of(first, second)) {
                ResponseEntity<String> read = SplitApps.client(replica, TestUsers.ALICE).getForEntity(
                        "/api/contacts/" + contact + "?consistentWith=" + position, String.class);
                log.info("Replica on port {} claims segments {} and answered {}", SplitApps.port(replica),
                        SplitApps.claimedSegments(replica), read.getStatusCode());
                assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
                assertThat(SplitApps.claimedSegments(replica)).hasSize(1);
            }
        }
    }

    private static final String ONE_SEGMENT_EACH = "--rapport.processors.max-claimed-segments=1";

    private static String health(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new RestTemplateBuilder().build()
                .getForObject("http://localhost:" + port + "/actuator/health", String.class);
    }
}
