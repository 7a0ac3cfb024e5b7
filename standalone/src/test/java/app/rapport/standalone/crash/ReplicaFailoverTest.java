package app.rapport.standalone.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.rapport.command.CommandSideApplication;
import app.rapport.query.QuerySideApplication;
import app.rapport.testsupport.TestDatabase;
import app.rapport.testsupport.TestDatabases;
import app.rapport.testsupport.TestUsers;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two query replicas on one database share every processor's segments; when one is killed with
 * SIGKILL the survivor takes over its segments within the claim timeout and a margin, and when it
 * comes back they share again, without a restart of the survivor. At no sample do two replicas
 * process the same segment.
 */
class ReplicaFailoverTest {

    private static final Logger log = LoggerFactory.getLogger(ReplicaFailoverTest.class);
    private static final int SEGMENTS = 2;
    /** The default claim timeout (10 s) plus a quarter of it to notice, with room for a busy machine. */
    private static final Duration TAKE_OVER_WITHIN = Duration.ofSeconds(20);
    private static final Pattern POSITION = Pattern.compile("\"position\":(\\d+)");

    private final Path logs = Path.of("target", "replica-failover-test");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final List<AppProcess> started = new ArrayList<>();
    private final List<String> overlaps = new CopyOnWriteArrayList<>();
    private final AtomicInteger samples = new AtomicInteger();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopAll() throws InterruptedException {
        sampler.shutdownNow();
        for (AppProcess app : started) {
            app.stop();
        }
    }

    @Test
    void aKilledReplicasSegmentsAreTakenOverAndSharedAgainWhenItReturns() throws Exception {
        TestDatabase database = TestDatabases.create();
        AppProcess command = start(CommandSideApplication.class, database, "command");
        AppProcess first = start(QuerySideApplication.class, database, "query-1");
        AppProcess second = start(QuerySideApplication.class, database, "query-2");
        sampler.scheduleWithFixedDelay(() -> sampleForOverlaps(first, second), 0, 100, TimeUnit.MILLISECONDS);

        long joined = System.nanoTime();
        awaitClaims(Duration.ofSeconds(30), () -> SegmentClaims.sharedEvenly(first, second, SEGMENTS));
        log.info("Both replicas claim one segment of every processor {} ms after the second started",
                millisSince(joined));

        second.kill();
        long killedAt = System.nanoTime();
        awaitClaims(TAKE_OVER_WITHIN.plusSeconds(10), () -> SegmentClaims.ownsAll(first, SEGMENTS));
        long failoverMs = millisSince(killedAt);
        log.info("The survivor claims every segment of every processor {} ms after SIGKILL of the other", failoverMs);
        assertThat(failoverMs).isLessThanOrEqualTo(TAKE_OVER_WITHIN.toMillis());
        assertReadsItsWrites(command, first);

        second.start();
        long restarted = System.nanoTime();
        awaitClaims(Duration.ofSeconds(30), () -> SegmentClaims.sharedEvenly(first, second, SEGMENTS));
        log.info("Shared evenly again {} ms after the killed replica was ready again", millisSince(restarted));
        assertReadsItsWrites(command, second);

        sampler.shutdown();
        assertThat(sampler.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        log.info("{} samples of both replicas' claims; segments claimed by both at once: {}", samples.get(), overlaps);
        assertThat(samples.get()).isGreaterThan(20);
        assertThat(overlaps).isEmpty();
    }

    private AppProcess start(Class<?> application, TestDatabase database, String name) throws IOException {
        AppProcess app = AppProcess.of(application, logs.resolve(name + ".log"), List.of(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--rapport.processors.node-id=" + name));
        started.add(app);
        app.start();
        return app;
    }

    /**
     * A segment seen claimed by one replica, then by the other, then by the first again, was held
     * by both at once: a release and a claim back take seconds, these three reads milliseconds.
     */
    private void sampleForOverlaps(AppProcess first, AppProcess second) {
        Optional<Map<String, Set<Integer>>> before = SegmentClaims.of(first);
        Optional<Map<String, Set<Integer>>> other = SegmentClaims.of(second);
        Optional<Map<String, Set<Integer>>> after = SegmentClaims.of(first);
        if (before.isPresent() && other.isPresent() && after.isPresent()) {
            samples.incrementAndGet();
            before.get().forEach((processor, segments) -> {
                Set<Integer> both = new HashSet<>(segments);
                both.retainAll(other.get().getOrDefault(processor, Set.of()));
                both.retainAll(after.get().getOrDefault(processor, Set.of()));
                if (!both.isEmpty()) {
                    overlaps.add(processor + both);
                }
            });
        }
    }

    /** A contact added on the command side is readable on this replica at its position: every segment is processed. */
    private void assertReadsItsWrites(AppProcess command, AppProcess replica) throws Exception {
        UUID contact = UUID.randomUUID();
        HttpResponse<String> added = http.send(HttpRequest.newBuilder(command.uri("/api/contacts"))
                .header("Authorization", basic(TestUsers.ALICE)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"contactId\":\"%s\",\"name\":\"Failed over\",\"source\":\"COLD\"}".formatted(contact)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        Matcher position = POSITION.matcher(added.body());
        assertThat(position.find()).isTrue();
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(
                        replica.uri("/api/contacts/" + contact + "?consistentWith=" + position.group(1)))
                .header("Authorization", basic(TestUsers.ALICE)).timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    }

    private static void awaitClaims(Duration atMost, java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(condition);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + TestUsers.passwordOf(user)).getBytes(StandardCharsets.UTF_8));
    }
}
