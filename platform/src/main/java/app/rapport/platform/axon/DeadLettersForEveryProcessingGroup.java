package app.rapport.platform.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;

/**
 * Gives every processing group a dead-letter queue in {@code dead_letter_entry}, so an event one
 * projection cannot handle is parked while the rest of the stream goes on. Axon's own module
 * enables queues per group by property, and naming a group in properties makes Axon build that
 * processor from property defaults (tracking, batch size 1) instead of the pooled, batched default
 * set in {@link EventProcessorConfiguration}; replacing the module avoids both.
 * <p>
 * Before each event the invoker asks its queue whether the event's sequence (its aggregate) is
 * already parked, which is a query per event and processing group; with the sequence identifier
 * cache it asks only about sequences it has not seen to be clear (measured: the queries were a
 * tenth of the replay's time).
 */
class DeadLettersForEveryProcessingGroup extends DeadLetterQueueProviderConfigurerModule {

    private final ConnectionProvider connections;
    private final TransactionManager transactions;
    private final DeadLetterSchema schema;
    private final ProcessingGroups groups;

    DeadLettersForEveryProcessingGroup(EventProcessorProperties properties, ConnectionProvider connections,
                                       TransactionManager transactions, DeadLetterSchema schema,
                                       ProcessingGroups groups) {
        super(properties, group -> null);
        this.connections = connections;
        this.transactions = transactions;
        this.schema = schema;
        this.groups = groups;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing().registerDeadLetterQueueProvider(group -> configuration ->
                JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(group)
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .schema(schema)
                        .genericSerializer(configuration.serializer())
                        .eventSerializer(configuration.eventSerializer())
                        .build());
        for (String group : groups.names()) {
            configurer.eventProcessing().registerDeadLetteringEventHandlerInvokerConfiguration(group,
                    (configuration, invoker) -> invoker.enableSequenceIdentifierCache());
        }
    }
}
