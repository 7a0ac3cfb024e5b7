package app.rapport.platform.axon;

import java.time.Duration;

import app.rapport.platform.PlatformProperties;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Every projection runs in a pooled streaming processor that handles a batch of events per
 * transaction; with the default batch of one, replay is bound by commits, not by work. The pooled
 * processors read the store through an {@link ArrivalSignallingSource}, so they wake when events
 * arrive instead of every 500 ms.
 */
@Configuration(proxyBeanMethods = false)
public class EventProcessorConfiguration {

    private ArrivalSignallingSource signallingStore;

    @Autowired
    void configureProcessors(EventProcessingConfigurer processing, PlatformProperties properties) {
        PlatformProperties.Processors settings = properties.processors();
        processing.usingPooledStreamingEventProcessors((configuration, builder) -> builder
                .messageSource(signallingStore(configuration, settings.arrivalWindow()))
                .batchSize(settings.batchSize())
                .initialSegmentCount(settings.initialSegments())
                .maxClaimedSegments(settings.maxClaimedSegments() > 0 ? settings.maxClaimedSegments()
                        : settings.initialSegments()));
    }

    /** One for all processors of the app, so one watcher thread serves them all. */
    private synchronized ArrivalSignallingSource signallingStore(org.axonframework.config.Configuration axon,
                                                                 Duration window) {
        if (signallingStore == null) {
            signallingStore = new ArrivalSignallingSource(axon.eventStore(), window);
        }
        return signallingStore;
    }
}
