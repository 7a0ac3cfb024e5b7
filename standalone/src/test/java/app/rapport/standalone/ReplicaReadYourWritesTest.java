package app.rapport.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.command.CommandSideApplication;
import app.rapport.query.QuerySideApplication;
import app.rapport.testsupport.TestDatabase;
import app.rapport.testsupport.TestDatabases;
import app.rapport.testsupport.TestUsers;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
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

        try (ConfigurableApplicationContext command = SplitApps.start(CommandSideApplication.class, database);
             ConfigurableApplicationContext reader = SplitApps.start(QuerySideApplication.class, database,
                     "--rapport.processors.max-claimed-segments=1", "--rapport.processors.node-id=replica-1");
             ConfigurableApplicationContext other = SplitApps.start(QuerySideApplication.class, database,
                     "--rapport.processors.max-claimed-segments=1", "--rapport.processors.node-id=replica-2")) {
            Awaitility.await("each replica claims one segment").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> SplitApps.claimedSegments(reader).size() == 1
                            && SplitApps.claimedSegments(other).size() == 1);
            RestTemplate alice = SplitApps.client(command, TestUsers.ALICE);
            RestTemplate readerClient = SplitApps.client(reader, TestUsers.ALICE);

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
                            + "latencies ms {}", SplitApps.claimedSegments(reader), SplitApps.claimedSegments(other), warmUp[0], warmUp[1],
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
}
