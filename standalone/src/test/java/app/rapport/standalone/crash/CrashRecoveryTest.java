package app.rapport.standalone.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import app.rapport.command.CommandSideApplication;
import app.rapport.query.QuerySideApplication;
import app.rapport.testsupport.TestDatabase;
import app.rapport.testsupport.TestDatabases;
import app.rapport.testsupport.TestUsers;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The split deployment as separate JVMs on one PostgreSQL, killed with SIGKILL under load. Every
 * command answered 2xx has its event in the store, no refused command left one, and once the
 * query side has caught up every read model equals a fresh rebuild of it.
 */
class CrashRecoveryTest {

    private static final Logger log = LoggerFactory.getLogger(CrashRecoveryTest.class);
    private static final int USERS = 4;
    /** Nine commands each: about 430 commands in all, the kill landing after the first 120 answers. */
    private static final int LIFECYCLES_PER_USER = 12;
    private static final String[] READ_MODELS = {"contact", "contact_interview", "contact_follow_up",
            "timeline_entry", "timeline_state", "due_item", "due_contact", "outreach_contact", "outreach_request",
            "audit_entry", "mentor_grant"};

    private final Path logs = Path.of("target", "crash-test");
    private TestDatabase database;
    private AppProcess command;
    private AppProcess query;

    @BeforeEach
    void startTheSplitDeployment() throws IOException {
        database = TestDatabases.create();
        command = AppProcess.start(CommandSideApplication.class, database, logs);
        query = AppProcess.start(QuerySideApplication.class, database, logs);
    }

    @AfterEach
    void stopIt() throws InterruptedException {
        if (command != null) {
            command.stop();
        }
        if (query != null) {
            query.stop();
        }
    }

    @Test
    void killingTheCommandSideLosesNoAnsweredCommand() throws Exception {
        runWorkloadKilling(command, "command side");
        verify();
    }

    @Test
    void killingTheQuerySideLeavesReadModelsEqualToARebuild() throws Exception {
        runWorkloadKilling(query, "query side");
        verify();
    }

    private void runWorkloadKilling(AppProcess victim, String name) throws Exception {
        Workload workload = new Workload(command::uri, TestUsers.ALICE, TestUsers.passwordOf(TestUsers.ALICE));
        ExecutorService users = Executors.newFixedThreadPool(USERS);
        for (int i = 0; i < USERS; i++) {
            users.submit(() -> workload.user(LIFECYCLES_PER_USER));
        }
        users.shutdown();
        await(Duration.ofSeconds(120), () -> workload.answered.get() >= 120);
        int before = workload.answered.get();
        victim.kill();
        log.info("Killed the {} with SIGKILL after {} answered commands", name, before);
        victim.start();
        log.info("Restarted the {}; {} commands answered so far", name, workload.answered.get());
        boolean finished = users.awaitTermination(180, TimeUnit.SECONDS);
        workload.stop();
        assertThat(finished).as("the workload finished").isTrue();

        List<Workload.Sent> sent = new ArrayList<>(workload.sent);
        Map<Integer, Long> byStatus = sent.stream().collect(Collectors.groupingBy(Workload.Sent::status,
                java.util.TreeMap::new, Collectors.counting()));
        log.info("Drove {} commands from {} users; answers by status (0 = none arrived): {}", sent.size(), USERS,
                byStatus);
        assertThat(byStatus.keySet()).allSatisfy(status -> assertThat(status).isIn(0, 200, 201, 409));
        this.sent = sent;
    }

    private List<Workload.Sent> sent;

    private void verify() throws Exception {
        try (Connection db = DriverManager.getConnection(database.url(), database.username(), database.password())) {
            long stored = StoredOutcomes.assertKept(db, sent);
            log.info("Store holds {} events; all {} answered commands found at their positions; "
                    + "{} refused commands left no event", stored, StoredOutcomes.answered(sent),
                    StoredOutcomes.refused(sent));

            long head = stored == 0 ? 0 : single(db, "SELECT max(global_index) FROM domain_event_entry");
            awaitReadModelsAt(head);
            Map<String, List<Map<String, Object>>> live = dump(db);
            replayAll();
            awaitReadModelsAt(head);
            Map<String, List<Map<String, Object>>> rebuilt = dump(db);
            log.info("Compared {} read-model rows in {} tables with a fresh rebuild",
                    live.values().stream().mapToInt(List::size).sum(), live.size());
            for (String table : READ_MODELS) {
                List<Map<String, Object>> onlyLive = new ArrayList<>(live.get(table));
                onlyLive.removeAll(rebuilt.get(table));
                List<Map<String, Object>> onlyRebuilt = new ArrayList<>(rebuilt.get(table));
                onlyRebuilt.removeAll(live.get(table));
                assertThat(onlyLive).as("rows of %s the live projection has and a rebuild does not (rebuild has instead: %s)",
                        table, onlyRebuilt.stream().limit(3).toList()).isEmpty();
                assertThat(onlyRebuilt).as("rows of %s only a rebuild has", table).isEmpty();
            }
            assertThat(rebuilt).isEqualTo(live);
        }
    }

    private void awaitReadModelsAt(long head) {
        String anyContact = sent.stream().filter(s -> s.status() == 201 && s.step().equals("add"))
                .map(s -> s.contactId().toString()).findFirst().orElseThrow();
        List<String> reads = List.of("/api/contacts", "/api/contacts/" + anyContact + "/timeline",
                "/api/follow-ups/overdue", "/api/analytics/outreach?groupBy=channel&", "/api/audit", "/api/mentees");
        await(Duration.ofSeconds(180), () -> reads.stream().allMatch(path ->
                get(path + (path.endsWith("&") ? "" : "?") + "consistentWith=" + head) == 200));
    }

    private void replayAll() throws IOException, InterruptedException {
        HttpResponse<String> started = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        query.uri("/api/admin/replay?processor=all"))
                .header("Authorization", basic(TestUsers.DEMO))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).isEqualTo(202);
    }

    private int get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(query.uri(path))
                    .header("Authorization", basic(TestUsers.ALICE)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notAnswering) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + TestUsers.passwordOf(user)).getBytes(StandardCharsets.UTF_8));
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Map<String, List<Map<String, Object>>> dump(Connection db) throws SQLException {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : READ_MODELS) {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (PreparedStatement statement = db.prepareStatement("SELECT * FROM " + table + " ORDER BY 1, 2");
                 ResultSet row = statement.executeQuery()) {
                ResultSetMetaData columns = row.getMetaData();
                while (row.next()) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (int c = 1; c <= columns.getColumnCount(); c++) {
                        values.put(columns.getColumnName(c), String.valueOf(row.getObject(c)));
                    }
                    rows.add(values);
                }
            }
            tables.put(table, rows);
        }
        return tables;
    }

    private static void await(Duration atMost, BooleanSupplier condition) {
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
    }
}
