package app.rapport.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import app.rapport.platform.PlatformProperties;
import app.rapport.platform.privacy.PersonalData;
import app.rapport.platform.privacy.PersonalDataModule;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Axon's JDBC storage on the snake_case tables of the Flyway migration {@code V1_0__event_store},
 * and the JSON mapper that writes what is stored.
 */
@Configuration(proxyBeanMethods = false)
public class AxonStorageConfiguration {

    /** What either side reads from Axon's tables beyond Axon's API, named by Axon's schemas. */
    @Bean
    EventStoreTables eventStoreTables(JdbcTemplate jdbc, EventSchema events, TokenSchema tokens,
                                      Serializer serializer) {
        return new EventStoreTables(jdbc, events, tokens, serializer);
    }

    /** Axon adds every upcaster bean to the chain each stored event is read through, on both sides. */
    @Bean
    DefaultCadenceUpcaster defaultCadenceUpcaster() {
        return new DefaultCadenceUpcaster();
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /** Replaces Axon's JDBC default, which cannot see PostgreSQL's duplicate-key errors. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new DuplicateKeyResolver();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer, TokenSchema schema,
                          PlatformProperties properties) {
        // the claim timeout is what another instance waits out before taking over a segment
        JdbcTokenStore.Builder builder = JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .schema(schema)
                .claimTimeout(properties.processors().claimTimeout());
        String nodeId = properties.processors().nodeId();
        if (!nodeId.isBlank()) {
            builder.nodeId(nodeId);
        }
        return builder.build();
    }

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    @Bean
    DeadLettersForEveryProcessingGroup deadLettersForEveryProcessingGroup(EventProcessorProperties properties,
                                                                          ConnectionProvider connections,
                                                                          TransactionManager transactions,
                                                                          DeadLetterSchema schema,
                                                                          ProcessingGroups groups) {
        return new DeadLettersForEveryProcessingGroup(properties, connections, transactions, schema, groups);
    }

    @Bean
    ProcessingGroups processingGroups(ListableBeanFactory beans) {
        return new ProcessingGroups(beans);
    }

    /**
     * The stored event format. Axon would otherwise reuse the web layer's mapper, and any
     * {@code spring.jackson.*} setting would silently change what is written to the store. Not a
     * default candidate, so the web layer keeps Spring Boot's own mapper. Personal components are
     * kept encrypted by their subject's key ({@link PersonalDataModule}), so events, dead letters and
     * anything else Axon stores hold no personal data in plain text.
     */
    @Bean(name = "defaultAxonObjectMapper", defaultCandidate = false)
    public ObjectMapper defaultAxonObjectMapper(PersonalData personalData) {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new ParameterNamesModule())
                .registerModule(new PersonalDataModule(personalData))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // events only ever gain optional fields; an older reader must not choke on them
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
