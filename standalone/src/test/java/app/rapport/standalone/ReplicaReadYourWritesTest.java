package app.rapport.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.command.CommandSideApplication;
import app.rapport.query.QuerySideApplication;
import app.rapport.testsupport.TestDatabase;
import app.rapport.testsupport.TestDatabases;
import app.rapport.testsupport.TestUsers;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.web.client.RestTemplate;

/**
 * Read-your-writes across query replicas: with two replicas each claiming one of the two segments,
 * a read on one replica of a write whose segment the other replica owns must not wait for that
 * replica's next claim extension (about 5 s) to see its token move.
 */
class ReplicaReadYourWritesTest {

    private static final Logger log = LoggerFactory.getLogger(ReplicaReadYourWritesTest.class);
    private static final int WRITES = 20;

    @Test
    void everyWriteReadsBackPromptlyFromOneReplica_whicheverReplicaOwnsItsSegment() {
        TestDatabase database = TestDatabases.create();

        try (ConfigurableApplicationContext command = start(CommandSideApplication.class, database);
             ConfigurableApplicationContext reader = start(QuerySideApplication.class, database,
                     "--rapport.processors.max-claimed-segments=1", "--rapport.processors.node-id=replica-1");
             ConfigurableApplicationContext other = start(QuerySideApplication.class, database,
                     "--rapport.processors.max-claimed-segments=1", "--rapport.processors.node-id=replica-2")) {
            awaitOneSegmentEach(reader, other);
            RestTemplate alice = client(command, TestUsers.ALICE);
            RestTemplate readerClient = client(reader, TestUsers.ALICE);

            // the first request of each app pays for its warm-up, which is not what is measured here
            long[] warmUp = writeAndReadBack(alice, readerClient, "Warm-up");
            List<Long> latencies = new ArrayList<>();
            List<HttpStatusCode> answers = new ArrayList<>();
            for (int i = 0; i < WRITES; i++) {
                long[] read = writeAndReadBack(alice, readerClient, "Contact " + i);
                answers.add(HttpStatusCode.valueOf((int) read[0]));
                latencies.add(read[1]);
            }

            log.info("Reads on replica 1 (claims {}; replica 2 claims {}): warm-up {} in {} ms; answers {}, "
                            + "latencies ms {}", claimedSegments(reader), claimedSegments(other), warmUp[0], warmUp[1],
                    answers, latencies);
            assertThat(answers).containsOnly(HttpStatus.OK);
            assertThat(latencies).allSatisfy(ms -> assertThat(ms).isLessThan(2000));
        }
    }

    /** Adds a contact on the command side and reads it back consistently: the status and milliseconds. */
    private static long[] writeAndReadBack(RestTemplate writer, RestTemplate reader, String name) {
        UUID contact = UUID.randomUUID();
        Map<?, ?> added = writer.postForObject("/api/contacts",
                Map.of("contactId", contact, "name", name, "source", "COLD"), Map.class);
        long position = ((Number) added.get("position")).longValue();

        long started = System.nanoTime();
        ResponseEntity<String> read = reader.getForEntity(
                "/api/contacts/" + contact + "?consistentWith=" + position, String.class);
        return new long[] {read.getStatusCode().value(), (System.nanoTime() - started) / 1_000_000};
    }

    private static void awaitOneSegmentEach(ConfigurableApplicationContext first,
                                            ConfigurableApplicationContext second) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (claimedSegments(first).size() != 1 || claimedSegments(second).size() != 1) {
            assertThat(System.nanoTime()).as("each replica claims one segment").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static java.util.Set<Integer> claimedSegments(ConfigurableApplicationContext replica) {
        return replica.getBean(EventProcessingConfiguration.class)
                .eventProcessor("contacts", StreamingEventProcessor.class)
                .orElseThrow().processingStatus().keySet();
    }

    private static RestTemplate client(ConfigurableApplicationContext app, String user) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return new RestTemplateBuilder()
                .rootUri("http://localhost:" + port)
                .basicAuthentication(user, TestUsers.passwordOf(user))
                .errorHandler(new NoErrors())
                .build();
    }

    /** Lets the test read 4xx and 5xx answers as answers. */
    private static final class NoErrors extends DefaultResponseErrorHandler {
        @Override
        public boolean hasError(ClientHttpResponse response) {
            return false;
        }
    }

    private static ConfigurableApplicationContext start(Class<?> application, TestDatabase database,
                                                        String... extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--rapport.test-database=off",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--server.port=0"));
        arguments.addAll(TestUsers.arguments());
        arguments.addAll(List.of(extra));
        return new SpringApplicationBuilder(application).run(arguments.toArray(String[]::new));
    }
}
