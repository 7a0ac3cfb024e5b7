package app.rapport.platform.observability;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What operators see: each event processor's lag as a metric and its state in health, and one
 * start-up line naming the database in use.
 */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    @Bean
    EventProcessorLag eventProcessorLag(EventProcessingConfiguration processing, EventStore eventStore,
                                        MeterRegistry registry) {
        return new EventProcessorLag(processing, eventStore, registry);
    }

    @Bean("eventProcessors")
    HealthIndicator eventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        return new EventProcessorsHealthIndicator(processing);
    }

    @Bean
    DatabaseAnnouncer databaseAnnouncer(DataSource dataSource) {
        return new DatabaseAnnouncer(dataSource);
    }
}
