package app.rapport.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import app.rapport.standalone.database.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The standalone app as a person starts it, with nothing configured but a data directory: its
 * embedded PostgreSQL keeps what it acknowledged, lets nobody in without the generated password,
 * listens on this machine only, and is started again by the app when it dies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedServerTest {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServerTest.class);
    private static final Pattern POSITION = Pattern.compile("\"position\":(\\d+)");

    @TempDir
    static Path dataDir;
    private ConfigurableApplicationContext app;
    private EmbeddedPostgresServer postgres;
    private URI base;

    @BeforeAll
    void start() {
        app = new SpringApplicationBuilder(StandaloneApplication.class)
                .run("--rapport.test-database=off", "--rapport.data-dir=" + dataDir, "--server.port=0");
        postgres = app.getBean(EmbeddedPostgresServer.class);
        base = URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void theServerWaitsForTheDiskBeforeItAcknowledges() throws SQLException {
        assertThat(setting("fsync")).isEqualTo("on");
        assertThat(setting("synchronous_commit")).isEqualTo("on");
        assertThat(setting("full_page_writes")).isEqualTo("on");
    }

    @Test
    void aConnectionWithoutTheGeneratedPassword_isRefused() throws IOException {
        String url = postgres.jdbcUrl("rapport");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres"))
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        assertThat(Files.readAllLines(dataDir.resolve("postgres").resolve("pg_hba.conf")))
                .filteredOn(line -> !line.isBlank() && !line.startsWith("#"))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).endsWith("scram-sha-256"));
    }

    @Test
    void thePasswordIsKeptReadableByItsOwnerAlone() throws IOException, SQLException {
        Path passwordFile = dataDir.resolve("postgres.password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        String password = Files.readString(passwordFile, StandardCharsets.UTF_8);
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("rapport"), "postgres", password)) {
            assertThat(connection.isValid(1)).isTrue();
        }
    }

    @Test
    void theAppAndItsServer_listenOnThisMachineOnly() throws Exception {
        assertThat(app.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(setting("listen_addresses")).isEqualTo("127.0.0.1");
        assertThat(setting("unix_socket_directories")).isEmpty();
        TomcatWebServer web = (TomcatWebServer) ((WebServerApplicationContext) app).getWebServer();
        assertThat(web.getTomcat().getConnector().getProperty("address"))
                .isEqualTo(InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void theShippedDemoUser_isNoAdmin() {
        assertThat(HttpAnswer.send(base, "GET", "/api/contacts", null).status()).isEqualTo(200);
        assertThat(HttpAnswer.send(base, "GET", "/api/admin/dead-letters", null).status()).isEqualTo(403);
        assertThat(HttpAnswer.send(base, "POST", "/api/admin/backup", null).status()).isEqualTo(403);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aKilledServer_isStartedAgainWithin10Seconds_andNothingAnsweredIsLost() throws Exception {
        Map<UUID, Long> answered = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            UUID contact = UUID.randomUUID();
            answered.put(contact, positionOf(addContact(contact)));
        }
        long killed = postgres.pid().orElseThrow();
        ProcessHandle.of(killed).orElseThrow().destroyForcibly();
        long since = System.nanoTime();

        List<HttpAnswer> meanwhile = new ArrayList<>();
        HttpAnswer answer;
        do {
            UUID contact = UUID.randomUUID();
            answer = addContact(contact);
            meanwhile.add(answer);
            if (answer.status() == 201) {
                answered.put(contact, positionOf(answer));
            }
        } while (answer.status() != 201 && System.nanoTime() - since < Duration.ofSeconds(10).toNanos());
        Duration back = Duration.ofNanos(System.nanoTime() - since);
        log.info("PostgreSQL (pid {}) killed: commands answered {} until one succeeded after {} ms; now pid {}", killed,
                meanwhile.stream().map(HttpAnswer::status).toList(), back.toMillis(), postgres.pid().orElse(null));

        assertThat(answer.status()).as("a command within 10 s of the kill").isEqualTo(201);
        assertThat(meanwhile).allSatisfy(during -> {
            assertThat(during.status()).as("%s", during).isIn(201, 503);
            assertThat(during.contentType()).as("%s", during).startsWith(
                    during.status() == 503 ? "application/problem+json" : "application/json");
        });
        assertThat(postgres.pid()).isPresent().get().isNotEqualTo(killed);
        try (Connection db = app.getBean(DataSource.class).getConnection()) {
            for (Map.Entry<UUID, Long> command : answered.entrySet()) {
                assertThat(aggregateAt(db, command.getValue())).as("the event answered at %d", command.getValue())
                        .isEqualTo(command.getKey().toString());
            }
        }
    }

    private String setting(String name) throws SQLException {
        try (Connection db = app.getBean(DataSource.class).getConnection();
             Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SHOW " + name)) {
            row.next();
            return row.getString(1);
        }
    }

    private static String aggregateAt(Connection db, long position) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(
                "SELECT aggregate_identifier FROM domain_event_entry WHERE global_index = ?")) {
            statement.setLong(1, position);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : "nothing";
            }
        }
    }

    private HttpAnswer addContact(UUID contact) {
        return HttpAnswer.send(base, "POST", "/api/contacts", "{\"contactId\":\"%s\",\"name\":\"Kept\",\"source\":\"COLD\"}"
                .formatted(contact));
    }

    private static long positionOf(HttpAnswer answer) {
        Matcher position = POSITION.matcher(answer.body());
        assertThat(position.find()).as("%s", answer).isTrue();
        return Long.parseLong(position.group(1));
    }
}
