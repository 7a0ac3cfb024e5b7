package app.rapport.platform.axon;

import java.time.Duration;

import javax.sql.DataSource;

import app.rapport.platform.PlatformProperties;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every projection runs in a pooled streaming processor that handles a batch of events per
 * transaction; with the default batch of one, replay is bound by commits, not by work. The pooled
 * processors read the store through an {@link ArrivalSignallingSource}, so they wake when events
 * arrive instead of every 500 ms, and commit without waiting for the disk
 * ({@link DerivedStateTransactions}).
 * <p>
 * Replicas share a processor's segments through the token store: each may claim all of them, so
 * the survivors take over a dead replica's segments once its claims time out
 * ({@code rapport.processors.claim-timeout}), and the {@link SegmentBalancer} gives segments away
 * when an instance holds more than its share. See {@code docs/replicas.md}.
 */
@Configuration(proxyBeanMethods = false)
public class EventProcessorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EventProcessorConfiguration.class);

    private ArrivalSignallingSource signallingStore;

    @Autowired
    void configureProcessors(EventProcessingConfigurer processing, PlatformProperties properties, JdbcTemplate jdbc,
                             ProcessorProgress progress, ProcessingGroups groups) {
        PlatformProperties.Processors settings = properties.processors();
        if (settings.maxClaimedSegments() > 0) {
            log.warn("rapport.processors.max-claimed-segments={} is deprecated: it keeps each instance from taking "
                    + "over the segments of a replica that died. Leave it unset: segments are spread over the live "
                    + "replicas without it", settings.maxClaimedSegments());
        }
        long claimInterval = settings.claimInterval().toMillis();
        processing.registerDefaultHandlerInterceptor((configuration, name) -> progress.interceptor());
        processing.usingPooledStreamingEventProcessors((configuration, builder) -> builder
                .messageSource(signallingStore(configuration, settings.arrivalWindow(), progress)
                        .forProcessor(null))
                .transactionManager(new DerivedStateTransactions(
                        configuration.getComponent(TransactionManager.class), jdbc))
                .batchSize(settings.batchSize())
                .initialSegmentCount(settings.initialSegments())
                .claimExtensionThreshold(claimInterval)
                .tokenClaimInterval(claimInterval)
                .maxClaimedSegments(settings.maxClaimedSegments() > 0 ? settings.maxClaimedSegments()
                        : Short.MAX_VALUE));
        // each processor (named as its group) on a view of the same source, so a reader can have it woken
        for (String group : groups.names()) {
            processing.registerPooledStreamingEventProcessorConfiguration(group, (configuration, builder) -> builder
                    .messageSource(signallingStore(configuration, settings.arrivalWindow(), progress)
                            .forProcessor(group)));
        }
    }

    /** Static: the processors' configuration above needs it before this class is done. */
    @Bean
    static ProcessorProgress processorProgress() {
        return new ProcessorProgress();
    }

    @Bean
    SegmentBalancer segmentBalancer(EventProcessingConfiguration processing, DataSource dataSource,
                                    JdbcTemplate jdbc, TokenSchema tokens, PlatformProperties properties) {
        return new SegmentBalancer(processing, new ReplicaPresence(dataSource), jdbc, tokens,
                properties.processors().claimInterval());
    }

    /** Named so the health endpoint shows it as {@code segments}. */
    @Bean
    SegmentClaimsHealthIndicator segmentsHealthIndicator(SegmentBalancer balancer) {
        return new SegmentClaimsHealthIndicator(balancer);
    }

    /** One for all processors of the app, so one watcher thread serves them all. */
    private synchronized ArrivalSignallingSource signallingStore(org.axonframework.config.Configuration axon,
                                                                 Duration window, ProcessorProgress progress) {
        if (signallingStore == null) {
            signallingStore = new ArrivalSignallingSource(axon.eventStore(), window, progress);
        }
        return signallingStore;
    }
}
