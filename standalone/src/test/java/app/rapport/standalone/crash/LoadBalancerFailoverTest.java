package app.rapport.standalone.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import app.rapport.command.CommandSideApplication;
import app.rapport.query.QuerySideApplication;
import app.rapport.testsupport.TestDatabase;
import app.rapport.testsupport.TestDatabases;
import app.rapport.testsupport.TestUsers;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The deployment docker-compose.yml describes, run here: two command sides and two query sides as
 * JVMs of their own on one PostgreSQL, behind HAProxy with the compose file's own configuration.
 * Users write through the load balancer and repeat a request whose answer leaves open whether it
 * arrived (none, 502, 503, 504); one command side and one query side are killed with SIGKILL while
 * they do. No command answered 2xx is lost, none refused is stored, the read models equal a fresh
 * rebuild, and a write reads back through the load balancer after the failover, from either query
 * side once the killed one is back.
 */
class LoadBalancerFailoverTest {

    private static final int USERS = 4;
    /** Nine commands each: about 290 commands, the kills landing after the first 60 answers. */
    private static final int LIFECYCLES_PER_USER = 8;
    private static final int SEGMENTS = 2;
    /** The claim timeout (10 s) plus a quarter of it to notice, with room for a busy machine. */
    private static final Duration FAILOVER_WITHIN = Duration.ofSeconds(20);
    private static final Duration CLIENT_RETRIES_FOR = Duration.ofSeconds(60);
    private static final Pattern POSITION = Pattern.compile("\"position\"\\s*:\\s*(\\d+)");

    private final Path logs = Path.of("target", "load-balancer-failover-test");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, AppProcess> apps = new LinkedHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private Haproxy haproxy;

    @AfterEach
    void stopAll() throws InterruptedException {
        sampler.shutdownNow();
        if (haproxy != null) {
            haproxy.stop();
        }
        for (AppProcess app : apps.values()) {
            app.stop();
        }
    }

    @Test
    void killingACommandSideAndAQuerySideUnderLoad_losesNoAnsweredCommand_andReadsYourWritesThroughTheLoadBalancer()
            throws Exception {
        Haproxy.executable(); // before anything starts: skipped or failed here without HAProxy
        TestDatabase database = TestDatabases.create();
        startApps(database);
        haproxy = Haproxy.start(apps, logs);
        AppProcess survivingQuery = apps.get("query-side-1");
        Awaitility.await("the query sides share every processor's segments").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> SegmentClaims.sharedEvenly(survivingQuery, apps.get("query-side-2"), SEGMENTS));

        Workload workload = Workload.retrying(haproxy::uri, TestUsers.ALICE, TestUsers.passwordOf(TestUsers.ALICE),
                CLIENT_RETRIES_FOR);
        ExecutorService users = Executors.newFixedThreadPool(USERS);
        for (int i = 0; i < USERS; i++) {
            users.submit(() -> workload.user(LIFECYCLES_PER_USER));
        }
        users.shutdown();
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> workload.answered.get() >= 60);
        int answeredBefore = workload.answered.get();
        apps.get("command-side-1").kill();
        apps.get("query-side-2").kill();
        long killedAt = System.nanoTime();
        AtomicLong claimedAllAt = new AtomicLong();
        sampler.scheduleWithFixedDelay(() -> {
            if (claimedAllAt.get() == 0 && SegmentClaims.ownsAll(survivingQuery, SEGMENTS)) {
                claimedAllAt.set(System.nanoTime());
            }
        }, 0, 100, TimeUnit.MILLISECONDS);

        UUID probe = readBackThroughTheLoadBalancer("Written as the replica died");
        long readBackMillis = millisSince(killedAt);
        Awaitility.await("the surviving query side claims every segment").atMost(FAILOVER_WITHIN.plusSeconds(20))
                .pollInterval(Duration.ofMillis(100)).until(() -> claimedAllAt.get() != 0);
        long claimedAllMillis = (claimedAllAt.get() - killedAt) / 1_000_000;

        boolean finished = users.awaitTermination(180, TimeUnit.SECONDS);
        workload.stop();
        assertThat(finished).as("the workload finished").isTrue();
        List<Workload.Sent> sent = new ArrayList<>(workload.sent);
        Map<Integer, Long> byStatus = sent.stream().collect(Collectors.groupingBy(Workload.Sent::status,
                TreeMap::new, Collectors.counting()));
        long repeated = sent.stream().filter(attempt -> attempt.attempt() == 2).count();
        System.out.printf("%nLoad balancer failover: SIGKILL of command-side-1 and query-side-2 after %d answered "
                        + "commands, %d users writing through HAProxy%n"
                        + "  a write made just after the kill read back consistently through HAProxy after %.1f s%n"
                        + "  the surviving query side claimed every segment of every processor after %.1f s%n"
                        + "  %d attempts at commands, by answer (0 = none arrived): %s; %d commands sent again, "
                        + "the longest settled %.1f s after its first sending%n%n",
                answeredBefore, USERS, readBackMillis / 1000.0, claimedAllMillis / 1000.0, sent.size(), byStatus,
                repeated, workload.longestRetryMillis.get() / 1000.0);
        assertThat(byStatus.keySet()).allSatisfy(status -> assertThat(status).isIn(0, 200, 201, 409, 502, 503, 504));
        assertThat(workload.unsettled.get()).as("commands whose answers stayed uncertain for %s", CLIENT_RETRIES_FOR)
                .isZero();
        assertThat(readBackMillis).as("kill to a consistent read through the load balancer, ms")
                .isLessThanOrEqualTo(FAILOVER_WITHIN.toMillis());
        assertThat(claimedAllMillis).as("kill to the survivor claiming every segment, ms")
                .isLessThanOrEqualTo(FAILOVER_WITHIN.toMillis());

        for (int i = 0; i < 3; i++) {
            readBackThroughTheLoadBalancer("Read back from the survivor " + i);
        }
        try (Connection db = DriverManager.getConnection(database.url(), database.username(), database.password())) {
            StoredOutcomes.assertKept(db, sent);
            ReadModels.assertEqualToARebuild(db, haproxy::uri, probe);
        }

        apps.get("query-side-2").start();
        Awaitility.await("HAProxy sends to query-side-2 again").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> haproxy.says("query/query-side-2", "UP"));
        List<UUID> readBack = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            readBack.add(readBackThroughTheLoadBalancer("Read back from either " + i));
        }
        Awaitility.await("HAProxy logs which query side answered each read").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100)).until(() -> servedBy(readBack).size() >= 2);
        assertThat(servedBy(readBack)).containsExactlyInAnyOrder("query-side-1", "query-side-2");
    }

    /** The query sides HAProxy logged as answering 200 to the reads of these contacts. */
    private Set<String> servedBy(List<UUID> contacts) throws IOException {
        Set<String> servers = new TreeSet<>();
        for (UUID contact : contacts) {
            servers.addAll(haproxy.serversThatAnswered("query", 200, contact.toString()));
        }
        return servers;
    }

    private void startApps(TestDatabase database) throws Exception {
        // one app creates the schema before the others start beside each other, sharing the cores
        AppProcess first = app("command-side-1", CommandSideApplication.class, database);
        first.start();
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (String name : List.of("command-side-2", "query-side-1", "query-side-2")) {
            AppProcess app = app(name, name.startsWith("command") ? CommandSideApplication.class
                    : QuerySideApplication.class, database);
            starting.add(CompletableFuture.runAsync(() -> {
                try {
                    app.start(Duration.ofSeconds(180));
                } catch (IOException e) {
                    throw new IllegalStateException(name + " did not start", e);
                }
            }));
        }
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).get(200, TimeUnit.SECONDS);
    }

    private AppProcess app(String name, Class<?> application, TestDatabase database) throws IOException {
        AppProcess app = AppProcess.of(application, logs.resolve(name + ".log"), List.of(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--rapport.processors.node-id=" + name));
        apps.put(name, app);
        return app;
    }

    /**
     * Adds a contact through the load balancer and reads it back through it at the position the
     * command answered, repeating either request, as a client would, while its answer is uncertain
     * or (the read) not yet consistent: the contact added.
     */
    private UUID readBackThroughTheLoadBalancer(String name) {
        UUID contact = UUID.randomUUID();
        HttpResponse<String> added = settled(HttpRequest.newBuilder(haproxy.uri("/api/contacts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"contactId\":\"%s\",\"name\":\"%s\",\"source\":\"COLD\"}".formatted(contact, name))));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        Matcher position = POSITION.matcher(added.body());
        assertThat(position.find()).as(added.body()).isTrue();
        HttpResponse<String> read = settled(HttpRequest.newBuilder(
                haproxy.uri("/api/contacts/" + contact + "?consistentWith=" + position.group(1))).GET());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).contains(contact.toString(), name);
        return contact;
    }

    /** The first answer that is not uncertain (Workload.UNCERTAIN), the request sent again until then. */
    private HttpResponse<String> settled(HttpRequest.Builder request) {
        HttpRequest sent = request.header("Authorization", basic(TestUsers.ALICE))
                .timeout(Duration.ofSeconds(15)).build();
        List<HttpResponse<String>> answer = new ArrayList<>(1);
        Awaitility.await(sent.method() + " " + sent.uri() + " answered").atMost(CLIENT_RETRIES_FOR)
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).until(() -> {
                    try {
                        HttpResponse<String> response = http.send(sent, HttpResponse.BodyHandlers.ofString());
                        if (Workload.UNCERTAIN.contains(response.statusCode())) {
                            return false;
                        }
                        answer.add(response);
                        return true;
                    } catch (IOException unanswered) {
                        return false;
                    }
                });
        return answer.get(0);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + TestUsers.passwordOf(user)).getBytes(StandardCharsets.UTF_8));
    }
}
