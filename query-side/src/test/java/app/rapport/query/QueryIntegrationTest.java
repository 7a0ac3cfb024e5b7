package app.rapport.query;

import static org.assertj.core.api.Assertions.assertThat;

import app.rapport.testsupport.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import app.rapport.platform.privacy.Erasures;
import app.rapport.query.support.ConsistencyGate;
import app.rapport.platform.axon.ProcessingGroups;

/**
 * The query side running for real on a random port against its own PostgreSQL database, with a
 * fixed clock. Tests write events straight into the event store (the command side is not needed)
 * and wait until the processors have handled them. All test classes share one context.
 */
@AutoConfigureObservability(tracing = false)  // Boot turns metric exporters off in tests; /actuator/prometheus is part of the contract
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {QuerySideApplication.class, QueryIntegrationTest.FixedClock.class})
public abstract class QueryIntegrationTest {

    /** "Now" for every test: the fixed clock's instant. */
    public static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    public static final String[] ALL_GROUPS = {"contacts", "timeline", "followups", "analytics", "audit", "mentors"};

    @TestConfiguration(proxyBeanMethods = false)
    public static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    protected EventStore eventStore;
    @Autowired
    protected TransactionTemplate transaction;
    @Autowired
    protected TransactionManager axonTransactions;
    @Autowired
    protected ProcessingGroups groups;
    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected ConsistencyGate consistency;
    @Autowired
    protected EventProcessingConfiguration processing;
    @Autowired
    protected Erasures erasures;

    /** Every request of these tests is made as {@code demo}, who is also an admin. */
    @BeforeEach
    void signIn() {
        http = http.withBasicAuth(TestUsers.DEMO, TestUsers.passwordOf(TestUsers.DEMO));
    }

    /** A journal of a fresh owner, so tests sharing the context never see each other's rows. */
    /** A query as the signed-in user that must answer 200: its body. */
    protected JsonNode ok(String uri) {
        ResponseEntity<JsonNode> response = http.getForEntity(uri, JsonNode.class);
        assertThat(response.getStatusCode()).as(uri + " → " + response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    protected Journal journal() {
        return new Journal(this, "user-" + UUID.randomUUID().toString().substring(0, 8));
    }

    protected Journal journal(String owner) {
        return new Journal(this, owner);
    }

    /** Waits until every processor has handled everything in the store so far. */
    protected void awaitProjections() {
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        consistency.awaitProcessed(head, groups.names().toArray(String[]::new));
    }

    protected static void await(Duration atMost, BooleanSupplier condition) {
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(25)).until(condition::getAsBoolean);
    }

    /** The stored events of one aggregate, as a processor receives them (with their tokens). */
    protected List<TrackedEventMessage<?>> storedEventsOf(String aggregateId) {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                TrackedEventMessage<?> message = stream.nextAvailable();
                if (message instanceof DomainEventMessage<?> domain
                        && domain.getAggregateIdentifier().equals(aggregateId)) {
                    events.add(message);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return events;
    }

    /**
     * Hands the stored events of an aggregate to a projection a second time, as a redelivery would:
     * as one batch in one unit of work and transaction, the way a processor hands them over.
     */
    protected void redeliver(Object projection, String aggregateId) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        BatchingUnitOfWork<TrackedEventMessage<?>> batch = new BatchingUnitOfWork<>(storedEventsOf(aggregateId));
        batch.attachTransaction(axonTransactions);
        ResultMessage<?> result = batch.executeWithResult(() -> {
            EventMessage<?> event = batch.getMessage();
            return adapter.canHandle(event) ? adapter.handle(event) : null;
        });
        if (result.isExceptional()) {
            throw new IllegalStateException(result.exceptionResult());
        }
    }

    /** Every row of the named tables, in a total order, for comparing a read model before and after. */
    protected Map<String, List<Map<String, Object>>> dump(String... tables) {
        Map<String, List<Map<String, Object>>> rows = new java.util.LinkedHashMap<>();
        for (String table : tables) {
            rows.put(table, jdbc.queryForList("SELECT * FROM " + table + " ORDER BY 1, 2"));
        }
        return rows;
    }
}
