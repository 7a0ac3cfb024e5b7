package app.rapport.command.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import app.rapport.testsupport.TestUsers;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The command side while its database goes away and comes back: every command is answered 503
 * with Retry-After within the connection timeout (never 500, never a hang), health says DOWN,
 * nothing acknowledged is lost, and commands succeed again once the database is back, without a
 * restart of the app.
 */
class DatabaseOutageTest {

    static final int CLIENTS = 4;
    /** What the slowest answer may take beyond Hikari's connection-timeout on two busy cores. */
    static final Duration MARGIN = Duration.ofSeconds(2);
    /** How soon after the database is back commands must succeed again. */
    static final Duration RECOVERY = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageTest.class);

    @TempDir
    Path dataDirectory;

    record Sent(String body, UUID contactId, Instant sentAt, Answer answer) {
    }

    @Test
    void commandsAreAnswered503WhileTheDatabaseIsDownAndSucceedOnceItIsBack() throws Exception {
        try (OwnedPostgres postgres = new OwnedPostgres(dataDirectory).start();
             ConfigurableApplicationContext app = Instances.commandSide(postgres.database())) {
            Duration connectionTimeout = Duration.ofMillis(app.getEnvironment()
                    .getRequiredProperty("spring.datasource.hikari.connection-timeout", Long.class));
            Api api = Api.of(app, TestUsers.DEMO);
            Journal journal = new Journal(api);
            UUID existing = journal.addContact("Before The Outage");
            assertThat(api.get("/actuator/health").body()).contains("\"status\":\"UP\"");

            List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean sending = new AtomicBoolean(true);
            AtomicInteger counter = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    while (sending.get()) {
                        int n = counter.incrementAndGet();
                        UUID id = UUID.randomUUID();
                        String body = n % 2 == 0
                                ? "{\"contactId\":\"%s\",\"name\":\"During %d\",\"source\":\"COLD\"}".formatted(id, n)
                                : "{\"role\":\"role %d\"}".formatted(n);
                        Instant at = Instant.now();
                        Answer answer = n % 2 == 0 ? api.post("/api/contacts", body)
                                : api.send("PATCH", Journal.contact(existing), body, null);
                        sent.add(new Sent(body, n % 2 == 0 ? id : null, at, answer));
                    }
                    return null;
                });
            }

            // the load is under way before the database goes
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sent.size() >= 2 * CLIENTS);
            postgres.stop();
            Instant stopped = Instant.now();
            log.info("Database stopped after {} commands had been sent", sent.size());
            CompletableFuture<Answer> healthDuringOutage =
                    CompletableFuture.supplyAsync(() -> api.get("/actuator/health"));
            // long enough that commands queue for a connection and time out, not only fail fast:
            // until answers have come back for commands sent a full connection timeout after the stop
            Instant queuedLongEnough = stopped.plus(connectionTimeout).plusMillis(500);
            Awaitility.await().atMost(connectionTimeout.multipliedBy(4)).until(() -> sent.stream()
                    .anyMatch(s -> s.sentAt().isAfter(queuedLongEnough)));
            sending.set(false);
            Answer health = healthDuringOutage.get();
            clients.shutdown();
            assertThat(clients.awaitTermination(Api.HANG.toSeconds(), TimeUnit.SECONDS)).isTrue();

            postgres.start();
            Instant restarted = Instant.now();
            // Hikari retries a lost database with a backoff of up to 5 s, so the first commands
            // after the restart may still be told to come back later; none may fail otherwise
            List<Answer> whileRecovering = new ArrayList<>();
            Answer firstAfter = api.post("/api/contacts", "{\"name\":\"After The Outage\",\"source\":\"COLD\"}");
            while (firstAfter.status() == 503 && Duration.between(restarted, Instant.now()).compareTo(RECOVERY) < 0) {
                whileRecovering.add(firstAfter);
                firstAfter = api.post("/api/contacts", "{\"name\":\"After The Outage\",\"source\":\"COLD\"}");
            }
            Duration recovery = Duration.between(restarted, Instant.now());
            List<Answer> afterRecovery = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                afterRecovery.add(api.send("PATCH", Journal.contact(existing), "{\"role\":\"after %d\"}".formatted(i),
                        null));
            }
            Answer healthAfter = api.get("/actuator/health");

            List<Sent> duringOutage = sent.stream().filter(s -> s.sentAt().isAfter(stopped)).toList();
            List<Sent> unavailable = sent.stream().filter(s -> s.answer().status() == 503).toList();
            Duration slowest = sent.stream().map(s -> s.answer().took()).max(Comparator.naturalOrder()).orElseThrow();
            log.info("Outage: {} commands sent, {}; {} sent after the stop, all {}; slowest answer {} ms "
                            + "(connection-timeout {} ms); health during the outage {} {} in {} ms",
                    sent.size(), Race.tally(sent.stream().map(Sent::answer).toList()), duringOutage.size(),
                    Race.tally(duringOutage.stream().map(Sent::answer).toList()), slowest.toMillis(),
                    connectionTimeout.toMillis(), health.status(), statusOf(health), health.took().toMillis());
            log.info("Database back: {} command(s) answered {} before the first success {} {} ms after the "
                            + "restart; then {}; health {}", whileRecovering.size(), Race.tally(whileRecovering),
                    firstAfter.outcome(), recovery.toMillis(), Race.tally(afterRecovery), statusOf(healthAfter));

            assertThat(sent).allSatisfy(s -> assertThat(s.answer().status()).as("%s", s.answer())
                    .isIn(200, 201, 503));
            assertThat(duringOutage).isNotEmpty().allSatisfy(s -> assertThat(s.answer().status())
                    .as("%s", s.answer()).isEqualTo(503));
            assertThat(unavailable).allSatisfy(s -> {
                assertThat(s.answer().isProblem()).as("%s", s.answer()).isTrue();
                assertThat(s.answer().problemType()).isEqualTo("database-unavailable");
                assertThat(s.answer().retryAfter()).isNotBlank();
            });
            assertThat(sent).allSatisfy(s -> assertThat(s.answer().took()).as("%s", s.answer())
                    .isLessThanOrEqualTo(connectionTimeout.plus(MARGIN)));
            assertThat(health.status()).isEqualTo(503);
            assertThat(statusOf(health)).isEqualTo("DOWN");
            assertThat(health.took()).isLessThanOrEqualTo(connectionTimeout.plus(MARGIN));

            assertThat(whileRecovering).allSatisfy(answer -> assertThat(answer.outcome()).as("%s", answer)
                    .isEqualTo("503 database-unavailable"));
            assertThat(firstAfter.status()).as("%s", firstAfter).isEqualTo(201);
            assertThat(afterRecovery).allSatisfy(answer -> assertThat(answer.status()).as("%s", answer).isEqualTo(200));
            assertThat(statusOf(healthAfter)).isEqualTo("UP");

            // what was acknowledged is stored; what was refused can be sent again, and is stored once
            EventRows events = new EventRows(app.getBean(JdbcTemplate.class));
            List<Sent> acknowledgedCreates = sent.stream()
                    .filter(s -> s.contactId() != null && s.answer().status() == 201).toList();
            assertThat(acknowledgedCreates).allSatisfy(s -> assertThat(events.types(s.contactId()))
                    .containsExactly("ContactAdded"));
            List<Sent> refusedCreates = unavailable.stream().filter(s -> s.contactId() != null).toList();
            refusedCreates.forEach(s -> Journal.expect(api.post("/api/contacts", s.body()), 201));
            assertThat(refusedCreates).allSatisfy(s -> assertThat(events.types(s.contactId()))
                    .containsExactly("ContactAdded"));
            log.info("{} acknowledged creates all stored; {} creates refused with 503 sent again: each stored once",
                    acknowledgedCreates.size(), refusedCreates.size());
        }
    }

    private static String statusOf(Answer health) {
        return String.valueOf(health.json().get("status"));
    }
}
