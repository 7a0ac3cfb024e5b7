package app.rapport.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.events.contact.ContactAdded;
import app.rapport.testsupport.TestUsers;
import app.rapport.values.ContactDetails;
import app.rapport.values.ContactSource;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The foundation under every later feature: the command side starts on PostgreSQL, Flyway's
 * schema holds Axon's tables, and what Axon stores is JSON a person can read with psql.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class EventStoreOnPostgresTest {

    /** A stand-in event, so these tests do not depend on the domain's events. */
    record ProbeRecorded(String name, int count) {
    }

    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    TestRestTemplate http;

    @Test
    void healthIsUp() {
        Map<?, ?> health = http.getForObject("/actuator/health", Map.class);
        assertThat(health.get("status")).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsAreExposed() {
        String metrics = http.withBasicAuth(TestUsers.DEMO, TestUsers.passwordOf(TestUsers.DEMO))
                .getForObject("/actuator/prometheus", String.class);
        assertThat(metrics).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void eventsAreWrittenByTheirOwnMapperNotTheWebLayers(@Autowired ApplicationContext context) {
        ObjectMapper web = context.getBean(ObjectMapper.class);
        ObjectMapper events = context.getBean("defaultAxonObjectMapper", ObjectMapper.class);
        Serializer serializer = context.getBean("eventSerializer", Serializer.class);

        assertThat(events).isNotSameAs(web);
        assertThat(serializer).isInstanceOf(JacksonSerializer.class);
        assertThat(((JacksonSerializer) serializer).getObjectMapper()).isSameAs(events);
    }

    @Test
    void storedPayloadReadsAsJsonInSql() {
        String aggregate = append(new ProbeRecorded("Ada Lovelace", 3), new ProbeRecorded("second", 4));

        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT convert_from(payload, 'UTF8')::jsonb ->> 'name' AS name,
                       (convert_from(payload, 'UTF8')::jsonb ->> 'count')::int AS count,
                       payload_type
                FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""", aggregate);

        assertThat(rows).extracting(row -> row.get("name")).containsExactly("Ada Lovelace", "second");
        assertThat(rows).extracting(row -> row.get("count")).containsExactly(3, 4);
        assertThat(rows.get(0).get("payload_type")).isEqualTo(ProbeRecorded.class.getName());
    }

    @Test
    void eventsReadBackThroughAxon() {
        String aggregate = append(new ProbeRecorded("read back", 7));

        List<Object> payloads = eventStore.readEvents(aggregate).asStream()
                .<Object>map(message -> message.getPayload()).toList();

        assertThat(payloads).containsExactly(new ProbeRecorded("read back", 7));
    }

    @Test
    void aContactStoredWithTheOldDefaultCadence_readsAsHavingNoCadenceOfItsOwn_whileAChosenOneStays() {
        ContactDetails details = new ContactDetails("Ada Lovelace", null, null, null, null, null, null, null, null);
        String oldDefault = append(new ContactAdded(UUID.randomUUID(), "alice", details, ContactSource.COLD, null, 60,
                Instant.parse("2025-01-01T00:00:00Z")));
        String chosen = append(new ContactAdded(UUID.randomUUID(), "alice", details, ContactSource.COLD, null, 30,
                Instant.parse("2025-01-01T00:00:00Z")));

        assertThat(jdbc.queryForObject("SELECT (convert_from(payload, 'UTF8')::jsonb ->> 'cadenceDays')::int "
                + "FROM domain_event_entry WHERE aggregate_identifier = ?", Integer.class, oldDefault))
                .as("the stored event is never rewritten").isEqualTo(60);
        assertThat(((ContactAdded) eventStore.readEvents(oldDefault).next().getPayload()).cadenceDays()).isZero();
        assertThat(((ContactAdded) eventStore.readEvents(chosen).next().getPayload()).cadenceDays()).isEqualTo(30);
    }

    @Test
    void globalIndexIsGaplessAcrossAppends() {
        long before = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
        append(new ProbeRecorded("a", 1), new ProbeRecorded("b", 2));
        append(new ProbeRecorded("c", 3));

        List<Long> indexes = jdbc.queryForList(
                "SELECT global_index FROM domain_event_entry WHERE global_index > ? ORDER BY 1", Long.class, before);

        assertThat(indexes).containsExactly(before + 1, before + 2, before + 3);
    }

    @Test
    void noColumnIsALargeObject() {
        Integer oidColumns = jdbc.queryForObject("""
                SELECT count(*) FROM information_schema.columns
                WHERE table_schema = 'public' AND data_type = 'oid'""", Integer.class);
        String payloadType = jdbc.queryForObject("""
                SELECT data_type FROM information_schema.columns
                WHERE table_name = 'domain_event_entry' AND column_name = 'payload'""", String.class);

        assertThat(oidColumns).isZero();
        assertThat(payloadType).isEqualTo("bytea");
    }

    @Test
    void flywayCreatedEveryAxonTable() {
        List<String> tables = jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", String.class);

        assertThat(tables).contains("domain_event_entry", "snapshot_event_entry", "token_entry",
                "dead_letter_entry", "flyway_schema_history");
    }

    private String append(Object... payloads) {
        String aggregate = UUID.randomUUID().toString();
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < payloads.length; i++) {
                eventStore.publish(new GenericDomainEventMessage<>("Probe", aggregate, i, payloads[i]));
            }
        });
        return aggregate;
    }
}
