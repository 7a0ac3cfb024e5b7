package app.rapport.query.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import app.rapport.query.QueryIntegrationTest;
import app.rapport.testsupport.TestUsers;
import app.rapport.values.Channel;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@code rapport.processors.shared}, one processor feeds every read model: queries wait on
 * it by their processing group, and a replay named by a read model rebuilds everything it feeds.
 */
@TestPropertySource(properties = "rapport.processors.shared=projections")
class SharedProcessorTest extends QueryIntegrationTest {

    static final Instant T0 = Instant.parse("2026-02-02T10:00:00Z");

    @Test
    void oneProcessorFeedsEveryReadModel_andQueriesWaitOnIt() {
        assertThat(processing.eventProcessors()).containsOnlyKeys("projections");
        var maya = journal(TestUsers.DEMO).contact("Maya Chen", T0);
        maya.request(Channel.EMAIL, 30, "archives work", T0.plusSeconds(60));
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);

        JsonNode page = http.getForObject("/api/contacts?q=maya&consistentWith=" + head, JsonNode.class);

        assertThat(page.get("items").findValuesAsText("stage")).contains("REQUESTED");
    }

    @Test
    void replayNamedByAReadModel_rebuildsTheSharedProcessor() {
        var maya = journal().contact("Maya Chen", T0);
        maya.request(Channel.PHONE, 20, "records work", T0.plusSeconds(60));
        awaitProjections();
        var live = dump(ReplayTest.READ_MODEL_TABLES);

        ResponseEntity<JsonNode> started = http.postForEntity("/api/admin/replay?processor=timeline", null,
                JsonNode.class);

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getBody().get("processors").get(0).asText()).isEqualTo("projections");
        StreamingEventProcessor shared = (StreamingEventProcessor) processing.eventProcessors().get("projections");
        await(Duration.ofSeconds(30), () -> !shared.isReplaying());
        awaitProjections();
        assertThat(dump(ReplayTest.READ_MODEL_TABLES)).isEqualTo(live);
    }
}
