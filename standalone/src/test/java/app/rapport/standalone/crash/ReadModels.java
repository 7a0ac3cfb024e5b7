package app.rapport.standalone.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
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
import java.util.UUID;
import java.util.function.Function;

import app.rapport.testsupport.TestUsers;
import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query side's read models held against a fresh rebuild of them: once every read model has
 * handled the head of the store its rows are taken, every processor is replayed from the start,
 * and once caught up again the rows must be the same.
 */
final class ReadModels {

    private static final Logger log = LoggerFactory.getLogger(ReadModels.class);
    private static final String[] TABLES = {"contact", "contact_interview", "contact_follow_up",
            "timeline_entry", "timeline_state", "due_item", "due_contact", "outreach_contact", "outreach_request",
            "audit_entry", "mentor_grant"};
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ReadModels() {
    }

    /**
     * @param querySide where the query API is, one replica or a load balancer in front of them; a
     *                  replay resets the processors' tokens, so one replica must be running
     * @param anyContact a contact in the store, whose timeline is one of the reads waited on
     */
    static void assertEqualToARebuild(Connection db, Function<String, URI> querySide, UUID anyContact)
            throws SQLException, IOException, InterruptedException {
        long head = single(db, "SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
        awaitReadModelsAt(querySide, head, anyContact);
        Map<String, List<Map<String, Object>>> live = dump(db);
        replayAll(querySide);
        awaitReadModelsAt(querySide, head, anyContact);
        Map<String, List<Map<String, Object>>> rebuilt = dump(db);
        log.info("Compared {} read-model rows in {} tables with a fresh rebuild",
                live.values().stream().mapToInt(List::size).sum(), live.size());
        for (String table : TABLES) {
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

    private static void awaitReadModelsAt(Function<String, URI> querySide, long head, UUID anyContact) {
        List<String> reads = List.of("/api/contacts?", "/api/contacts/" + anyContact + "/timeline?",
                "/api/follow-ups/overdue?", "/api/analytics/outreach?groupBy=channel&", "/api/audit?", "/api/mentees?");
        Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(100)).until(() ->
                reads.stream().allMatch(path -> get(querySide.apply(path + "consistentWith=" + head)) == 200));
    }

    private static void replayAll(Function<String, URI> querySide) throws IOException, InterruptedException {
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(querySide.apply("/api/admin/replay?processor=all"))
                .header("Authorization", basic(TestUsers.DEMO))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    }

    private static int get(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", basic(TestUsers.ALICE))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
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
        for (String table : TABLES) {
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
}
