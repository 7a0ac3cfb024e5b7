package app.rapport.standalone;

import static app.rapport.standalone.ErasureStoryTest.day;
import static app.rapport.standalone.ErasureStoryTest.details;
import static app.rapport.standalone.ErasureStoryTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.testsupport.TestDatabase;
import app.rapport.testsupport.TestDatabases;
import app.rapport.testsupport.TestUsers;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An instance whose events were stored as plain JSON, as every release before encryption stored
 * them (here written by the app with {@code rapport.privacy.encrypt=false}), is started with
 * encryption on: its events are re-encoded, so no personal field is left readable in
 * {@code domain_event_entry}, and the journal reads the same, from the read models kept and from
 * a replay that reads every event again.
 */
class PlaintextEventsTest {

    @Test
    void plaintextEventsAreReEncodedAtStart_andTheJournalReadsTheSame() throws Exception {
        String marker = "zp" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        UUID contact = UUID.randomUUID();
        UUID interview = UUID.randomUUID();
        TestDatabase database = TestDatabases.create();
        Map<String, String> before;
        Instant asOf;
        try (ConfigurableApplicationContext app = SplitApps.start(StandaloneApplication.class, database,
                "--rapport.privacy.encrypt=false")) {
            Signed alice = Signed.as(app, TestUsers.ALICE);
            String c = "/api/contacts/" + contact;
            alice.command("PUT", "/api/profile", "{\"displayName\":\"%1$s\",\"interests\":[\"%1$s\"]}".formatted(marker));
            alice.command("POST", "/api/contacts", details(contact, marker, "COLD", day(0)));
            alice.command("POST", c + "/interviews", request(interview, marker, day(1)));
            alice.command("POST", c + "/interviews/" + interview + "/response",
                    "{\"outcome\":\"ACCEPTED\",\"note\":\"%s yes\",\"at\":\"%s\"}".formatted(marker, day(2)));
            alice.command("POST", c + "/interviews/" + interview + "/schedule",
                    "{\"scheduledFor\":\"%s\",\"mode\":\"VIDEO\",\"location\":\"%s room\",\"at\":\"%s\"}"
                            .formatted(day(3), marker, day(2)));
            alice.command("POST", c + "/interviews/" + interview + "/hold", """
                    {"heldAt":"%s","actualMinutes":35,"notes":"%s notes"}""".formatted(day(3), marker));
            alice.command("POST", c + "/follow-ups",
                    "{\"kind\":\"CHECK_IN\",\"channel\":\"EMAIL\",\"note\":\"%s hello\",\"at\":\"%s\"}".formatted(marker, day(4)));
            ErasureStoryTest.awaitCaughtUp(Signed.as(app, TestUsers.DEMO));
            asOf = Instant.now();
            assertThat(EveryTable.rowsHolding(database, "domain_event_entry", "payload", marker))
                    .as("events stored in plain JSON, as earlier releases stored them").isGreaterThanOrEqualTo(7);
            before = views(alice, contact, asOf);
        }
        String storedBefore = storedFacts(database);

        try (ConfigurableApplicationContext app = SplitApps.start(StandaloneApplication.class, database)) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                    EveryTable.rowsHolding(database, "domain_event_entry", "payload", marker) == 0);
            for (String column : List.of("payload", "meta_data")) {
                assertThat(EveryTable.rowsHolding(database, "domain_event_entry", column, marker))
                        .as("%s of events re-encoded at start", column).isZero();
            }
            assertThat(storedFacts(database)).as("the events themselves: ids, order, types, times").isEqualTo(storedBefore);
            Signed alice = Signed.as(app, TestUsers.ALICE);
            Signed admin = Signed.as(app, TestUsers.DEMO);
            ErasureStoryTest.awaitCaughtUp(admin);
            assertThat(views(alice, contact, asOf)).as("the journal from the read models kept").isEqualTo(before);

            Signed.Answer replay = admin.send("POST", "/api/admin/replay?processor=all", null);
            assertThat(replay.status()).as(replay.body()).isEqualTo(202);
            ErasureStoryTest.awaitCaughtUp(admin);
            assertThat(views(alice, contact, asOf)).as("the journal rebuilt from the re-encoded events").isEqualTo(before);
        }
    }

    /** The views of the journal, as text; the asOf ones fold the stored events on the query. */
    private static Map<String, String> views(Signed alice, UUID contact, Instant asOf) {
        Map<String, String> views = new LinkedHashMap<>();
        String c = "/api/contacts/" + contact;
        for (String path : List.of("/api/contacts", c, c + "/timeline", c + "?asOf=" + asOf, c + "/timeline?asOf=" + asOf,
                "/api/audit", "/api/analytics/outreach?groupBy=channel&from=" + ErasureStoryTest.FROM + "&to=" + ErasureStoryTest.TO,
                "/api/contacts/" + contact + "/drafts/request?durationMinutes=20&purpose=archives")) {
            views.put(path, alice.text(path));
        }
        views.put("/api/exports/events.jsonl", alice.text("/api/exports/events.jsonl"));
        return views;
    }

    /** Every event's identity, place and type, which a re-encoding must not change. */
    private static String storedFacts(TestDatabase database) throws SQLException {
        StringBuilder facts = new StringBuilder();
        try (Connection db = EveryTable.connect(database); Statement sql = db.createStatement();
             ResultSet row = sql.executeQuery("""
                     SELECT global_index, event_identifier, aggregate_identifier, sequence_number, payload_type, time_stamp
                     FROM domain_event_entry ORDER BY global_index""")) {
            while (row.next()) {
                for (int c = 1; c <= 6; c++) {
                    facts.append(row.getString(c)).append(' ');
                }
                facts.append('\n');
            }
        }
        return facts.toString();
    }
}
