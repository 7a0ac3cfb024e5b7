package app.rapport.query.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import app.rapport.query.QueryIntegrationTest;
import app.rapport.testsupport.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** {@code rapport.processors.type=tracking} runs every read model on a tracking processor. */
@TestPropertySource(properties = "rapport.processors.type=tracking")
class TrackingProcessorsTest extends QueryIntegrationTest {

    @Test
    void everyReadModelRunsOnATrackingProcessor_andQueriesWaitOnIt() {
        assertThat(processing.eventProcessors().values()).isNotEmpty().allMatch(TrackingEventProcessor.class::isInstance);
        journal(TestUsers.DEMO).contact("Tomas Berg", Instant.parse("2026-02-02T10:00:00Z"));
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);

        JsonNode page = http.getForObject("/api/contacts?q=tomas&consistentWith=" + head, JsonNode.class);

        assertThat(page.get("items").findValuesAsText("name")).contains("Tomas Berg");
    }
}
