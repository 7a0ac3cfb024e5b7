package app.rapport.platform.observability;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * DOWN while any streaming processor is in error (it stopped handling events and is retrying), so
 * a stalled projection shows on the health endpoint instead of only in the logs.
 */
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        super("Event processor health check failed");
        this.processing = processing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean anyInError = false;
        for (var entry : processing.eventProcessors().entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor streaming) {
                boolean inError = streaming.isError();
                anyInError |= inError;
                builder.withDetail(entry.getKey(), inError ? "ERROR"
                        : streaming.isRunning() ? "RUNNING" : "STOPPED");
            }
        }
        if (anyInError) {
            builder.down();
        } else {
            builder.up();
        }
    }
}
