package app.rapport.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.CompletableFuture;

import app.rapport.standalone.database.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The standalone app when its own embedded PostgreSQL is stopped: commands are answered 503 with
 * Retry-After within the connection timeout, never 500 and never hanging, health is DOWN, and once
 * the server is started again on the same files and port, commands succeed without restarting the app.
 */
class StandaloneDatabaseOutageTest {

    static final Duration MARGIN = Duration.ofSeconds(2);
    static final Duration RECOVERY = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(StandaloneDatabaseOutageTest.class);

    @TempDir
    Path dataDir;

    @Test
    void commandsAreAnswered503WhileTheEmbeddedDatabaseIsDownAndSucceedOnceItIsBack() throws Exception {
        int port = freePort();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(StandaloneApplication.class).run(
                "--rapport.test-database=off", "--rapport.data-dir=" + dataDir, "--rapport.embedded-port=" + port,
                "--server.port=0", "--rapport.users[0].username=demo", "--rapport.users[0].password={noop}demo")) {
            Duration connectionTimeout = Duration.ofMillis(app.getEnvironment()
                    .getRequiredProperty("spring.datasource.hikari.connection-timeout", Long.class));
            URI base = URI.create("http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort());
            assertThat(addContact(base).status()).isEqualTo(201);

            EmbeddedPostgresServer postgres = app.getBean(EmbeddedPostgresServer.class);
            postgres.stop();
            List<CompletableFuture<HttpAnswer>> during = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                during.add(CompletableFuture.supplyAsync(() -> addContact(base)));
            }
            HttpAnswer health = HttpAnswer.send(base, "GET", "/actuator/health", null);
            List<HttpAnswer> answers = during.stream().map(CompletableFuture::join).toList();
            log.info("Standalone, embedded database stopped: commands answered {} in {} ms; health {} in {} ms",
                    answers.stream().map(HttpAnswer::status).toList(), answers.stream().map(a -> a.took().toMillis())
                            .toList(), health.status(), health.took().toMillis());

            assertThat(answers).allSatisfy(answer -> {
                assertThat(answer.status()).as("%s", answer).isEqualTo(503);
                assertThat(answer.contentType()).startsWith("application/problem+json");
                assertThat(answer.body()).contains("/problems/database-unavailable");
                assertThat(answer.retryAfter()).isNotBlank();
                assertThat(answer.took()).isLessThanOrEqualTo(connectionTimeout.plus(MARGIN));
            });
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"DOWN\"");

            postgres.start();
            Instant back = Instant.now();
            HttpAnswer after = addContact(base);
            int refusedWhileRecovering = 0;
            while (after.status() == 503 && Duration.between(back, Instant.now()).compareTo(RECOVERY) < 0) {
                refusedWhileRecovering++;
                after = addContact(base);
            }
            log.info("Standalone, embedded database started again: first command {} after {} ms ({} answered 503 "
                    + "before)", after.status(), Duration.between(back, Instant.now()).toMillis(),
                    refusedWhileRecovering);
            assertThat(after.status()).as("%s", after).isEqualTo(201);
            assertThat(HttpAnswer.send(base, "GET", "/actuator/health/db", null).body()).contains("\"status\":\"UP\"");

            // the projections resume from their tokens: both contacts answered 201 are listed, nothing more
            Matcher position = Pattern.compile("\"position\":(\\d+)").matcher(after.body());
            assertThat(position.find()).isTrue();
            HttpAnswer listed = HttpAnswer.send(base, "GET", "/api/contacts?consistentWith=" + position.group(1), null);
            log.info("After the outage the contact list, consistent with position {}, answered {}: {}",
                    position.group(1), listed.status(), listed.body());
            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.body()).contains("\"total\":2");
        }
    }

    private static HttpAnswer addContact(URI base) {
        return HttpAnswer.send(base, "POST", "/api/contacts", "{\"contactId\":\"%s\",\"name\":\"Outage\",\"source\":\"COLD\"}"
                .formatted(UUID.randomUUID()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
