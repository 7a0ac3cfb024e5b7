package app.rapport.query.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import app.rapport.query.QueryIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * A projection that cannot handle one event parks it in the dead-letter queue, goes on with the
 * other contacts' events, and handles it once the fault is fixed and the letter retried. The
 * probe runs in its own processing group, configured like the real ones in application.yml.
 */
@Import(DeadLetterTest.ProbeConfiguration.class)
@TestPropertySource(properties = {
        "axon.eventhandling.processors.dlqprobe.mode=pooled",
        "axon.eventhandling.processors.dlqprobe.batch-size=100",
        "axon.eventhandling.processors.dlqprobe.initial-segment-count=2",
        "axon.eventhandling.processors.dlqprobe.thread-count=2",
        "axon.eventhandling.processors.dlqprobe.dlq.enabled=true"})
class DeadLetterTest extends QueryIntegrationTest {

    /** A stand-in event, so the fault touches no real read model. */
    record ProbeNoted(String label) {
    }

    @ProcessingGroup("dlqprobe")
    static class Probe {
        volatile String failOn;
        final List<String> handled = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(ProbeNoted event) {
            if (event.label().equals(failOn)) {
                throw new IllegalStateException("the probe cannot handle " + event.label());
            }
            handled.add(event.label());
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ProbeConfiguration {
        @Bean
        Probe probe() {
            return new Probe();
        }
    }

    @Autowired
    Probe probe;

    void note(String aggregate, long sequence, String label) {
        transaction.executeWithoutResult(status -> eventStore.publish(
                new GenericDomainEventMessage<>("Probe", aggregate, sequence, new ProbeNoted(label))));
    }

    JsonNode probeLetters() {
        for (JsonNode group : http.getForObject("/api/admin/dead-letters", JsonNode.class)) {
            if (group.get("group").asText().equals("dlqprobe")) {
                return group;
            }
        }
        throw new AssertionError("no dead-letter queue for dlqprobe");
    }

    @Test
    void aFailingEvent_isParked_theOthersGoOn_andARetryAfterTheFixHandlesIt() {
        String broken = UUID.randomUUID().toString();
        String healthy = UUID.randomUUID().toString();
        probe.failOn = "bad";
        note(broken, 0, "bad");
        note(broken, 1, "after bad");   // same sequence: must wait behind the parked event
        note(healthy, 0, "good");

        await(Duration.ofSeconds(20), () -> probe.handled.contains("good") && probeLetters().get("letters").asLong() == 2);
        assertThat(probe.handled).doesNotContain("bad", "after bad");
        JsonNode letters = probeLetters();
        assertThat(letters.get("sequences").asLong()).isEqualTo(1);
        assertThat(letters.get("deadLetters").get(0).get("aggregateId").asText()).isEqualTo(broken);
        assertThat(letters.get("deadLetters").get(0).get("cause").asText()).contains("the probe cannot handle bad");

        probe.failOn = null;
        JsonNode retried = http.postForObject("/api/admin/dead-letters/retry?group=dlqprobe", null, JsonNode.class);

        assertThat(retried.get("sequencesProcessed").asInt()).isEqualTo(1);
        assertThat(retried.get("lettersLeft").asLong()).isZero();
        assertThat(probe.handled).containsSubsequence("bad", "after bad");
        assertThat(probeLetters().get("letters").asLong()).isZero();
    }

    @Test
    void everyProjection_hasADeadLetterQueue() {
        JsonNode groups = http.getForObject("/api/admin/dead-letters", JsonNode.class);

        assertThat(groups.findValuesAsText("group"))
                .contains("contacts", "timeline", "followups", "analytics", "audit", "mentors");
    }
}
