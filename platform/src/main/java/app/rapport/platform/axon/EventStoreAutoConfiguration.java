package app.rapport.platform.axon;

import app.rapport.platform.PlatformProperties;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * Axon's event store as its auto-configuration builds it, but for the fetch delay: how long the
 * processors' shared stream waits, once it has read everything, before looking in the store again.
 * Events appended in this process wake it at once; events appended by another instance (the command
 * side, in the split deployment) waited up to Axon's default of a second. After the JDBC storage
 * engine, which Axon only builds while no event store exists, and before Axon's own event store.
 */
@AutoConfiguration(after = JdbcAutoConfiguration.class, before = AxonAutoConfiguration.class)
@ConditionalOnBean(EventStorageEngine.class)
public class EventStoreAutoConfiguration {

    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon,
                                  PlatformProperties properties) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .fetchDelay(properties.processors().fetchDelay().toMillis())
                .build();
    }
}
