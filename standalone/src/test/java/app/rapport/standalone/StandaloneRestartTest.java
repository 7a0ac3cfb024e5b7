package app.rapport.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The standalone app on its own embedded PostgreSQL: it starts healthy with nothing configured
 * but a data directory, and what it stored is there after a restart.
 */
class StandaloneRestartTest {

    record NoteTaken(String text) {
    }

    @TempDir
    Path dataDir;

    @Test
    void eventAppendedBeforeARestartIsReadAfterIt() {
        String aggregate = UUID.randomUUID().toString();

        try (ConfigurableApplicationContext first = start()) {
            assertThat(health(first)).contains("\"status\":\"UP\"");
            first.getBean(TransactionTemplate.class).executeWithoutResult(status -> first.getBean(EventStore.class)
                    .publish(new GenericDomainEventMessage<>("Note", aggregate, 0, new NoteTaken("kept"))));
        }
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            List<Object> payloads = second.getBean(EventStore.class).readEvents(aggregate).asStream()
                    .<Object>map(message -> message.getPayload()).toList();
            assertThat(payloads).containsExactly(new NoteTaken("kept"));
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(StandaloneApplication.class)
                .run(
                        "--rapport.test-database=off",
                        "--rapport.data-dir=" + dataDir,
                        "--server.port=0");
    }

    private static String health(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new RestTemplateBuilder().build()
                .getForObject("http://localhost:" + port + "/actuator/health", String.class);
    }
}
