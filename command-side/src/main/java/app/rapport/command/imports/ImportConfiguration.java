package app.rapport.command.imports;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Imports mark what they store: each command's {@code importId} is copied onto the events it causes. */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    /** Picked up by Axon's auto-configuration beside the actor's and the message origin's. */
    @Bean
    CorrelationDataProvider importIdCorrelationProvider() {
        return new SimpleCorrelationDataProvider(ImportBatch.IMPORT_ID);
    }
}
