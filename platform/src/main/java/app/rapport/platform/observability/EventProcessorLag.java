package app.rapport.platform.observability;

import java.util.Map;
import java.util.OptionalLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Publishes {@code rapport.processor.lag}: how many events the head of the store is ahead of the
 * slowest segment of each streaming processor. Processors exist only once Axon has started, so the
 * gauges are registered when the application is ready.
 */
public class EventProcessorLag {

    static final String METER = "rapport.processor.lag";

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final MeterRegistry registry;

    EventProcessorLag(EventProcessingConfiguration processing, EventStore eventStore, MeterRegistry registry) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerGauges() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder(METER, streaming, this::lagOf)
                        .description("Events in the store not yet handled by the processor's slowest segment")
                        .tag("processor", name)
                        .baseUnit("events")
                        .register(registry);
            }
        });
    }

    /** The lag of one processor, or NaN while it has no claimed segment to measure. */
    double lagOf(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        if (segments.isEmpty()) {
            return Double.NaN;
        }
        long head = position(eventStore.createHeadToken()).orElse(0);
        long slowest = segments.values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(0))
                .min()
                .orElse(0);
        return Math.max(0, head - slowest);
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
