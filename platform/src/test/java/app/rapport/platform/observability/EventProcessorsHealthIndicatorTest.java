package app.rapport.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** Health turns DOWN while any projection's processor is in error, and names each one's state. */
class EventProcessorsHealthIndicatorTest {

    @Test
    void upWhileEveryProcessorRuns() {
        Health health = healthOf(Map.of("timeline", processor(true, false), "audit", processor(true, false)));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("timeline", "RUNNING").containsEntry("audit", "RUNNING");
    }

    @Test
    void downWhileOneProcessorIsInError() {
        Health health = healthOf(Map.of("timeline", processor(true, true), "audit", processor(true, false)));

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("timeline", "ERROR");
    }

    @Test
    void aStoppedProcessorIsReportedButNotDown() {
        Health health = healthOf(Map.of("timeline", processor(false, false)));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("timeline", "STOPPED");
    }

    private static Health healthOf(Map<String, EventProcessor> processors) {
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessors()).thenReturn(processors);
        return new EventProcessorsHealthIndicator(processing).health();
    }

    private static EventProcessor processor(boolean running, boolean inError) {
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        when(processor.isRunning()).thenReturn(running);
        when(processor.isError()).thenReturn(inError);
        return processor;
    }
}
