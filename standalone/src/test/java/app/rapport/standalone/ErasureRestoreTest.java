package app.rapport.standalone;

import static app.rapport.standalone.ErasureStoryTest.day;
import static app.rapport.standalone.ErasureStoryTest.details;
import static app.rapport.standalone.ErasureStoryTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import app.rapport.testsupport.TestDatabase;
import app.rapport.testsupport.TestDatabases;
import app.rapport.testsupport.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A backup taken before an erasure still holds the contact's key: restoring it brings the contact
 * back until the erasures listed since are applied again. The instance is copied while stopped
 * ({@code CREATE DATABASE … TEMPLATE}, a backup of the whole database), the contact is erased on the
 * original, {@code GET /api/admin/erasures} is saved, and an app started on the copy is given that
 * list: the contact is then erased there too, in every view and every table.
 */
class ErasureRestoreTest {

    @Test
    void aRestoredBackupForgetsTheContactAgain_onceTheSavedErasuresAreApplied() throws Exception {
        String run = "zr" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String erasedMarker = run + "gone";
        String keptMarker = run + "stays";
        UUID erased = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        TestDatabase original = TestDatabases.create();

        try (ConfigurableApplicationContext app = SplitApps.start(StandaloneApplication.class, original)) {
            Signed alice = Signed.as(app, TestUsers.ALICE);
            for (UUID contact : List.of(erased, kept)) {
                String marker = contact == erased ? erasedMarker : keptMarker;
                alice.command("POST", "/api/contacts", details(contact, marker, "COLD", day(0)));
                alice.command("POST", "/api/contacts/" + contact + "/interviews", request(UUID.randomUUID(), marker, day(1)));
            }
            ErasureStoryTest.awaitCaughtUp(Signed.as(app, TestUsers.DEMO));
        }
        TestDatabase backup = copyOf(original);

        String erasures;
        try (ConfigurableApplicationContext app = SplitApps.start(StandaloneApplication.class, original)) {
            Signed alice = Signed.as(app, TestUsers.ALICE);
            Signed.Answer answer = alice.send("POST", "/api/contacts/" + erased + "/erasure", "{\"reason\":\"asked\"}");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            Signed admin = Signed.as(app, TestUsers.DEMO);
            ErasureStoryTest.awaitCaughtUp(admin);
            Signed.Answer listed = admin.send("GET", "/api/admin/erasures", null);
            assertThat(listed.status()).as(listed.body()).isEqualTo(200);
            erasures = listed.body();
            assertThat(erasures).contains(erased.toString()).doesNotContain(kept.toString())
                    .as("the list a backup is given: ids and times, nothing personal").doesNotContain(erasedMarker, "asked");
            assertThat(EveryTable.holding(original, erasedMarker)).as("the original, erased").isEmpty();
        }

        assertThat(EveryTable.holding(backup, erasedMarker)).as("the backup from before the erasure").isNotEmpty();
        try (ConfigurableApplicationContext app = SplitApps.start(StandaloneApplication.class, backup)) {
            Signed alice = Signed.as(app, TestUsers.ALICE);
            Signed admin = Signed.as(app, TestUsers.DEMO);
            assertThat(alice.get("/api/contacts/" + erased).status()).as("restored, not yet erased again").isEqualTo(200);

            Signed.Answer applied = admin.send("POST", "/api/admin/erasures", erasures);
            assertThat(applied.status()).as(applied.body()).isBetween(200, 299);
            ErasureStoryTest.awaitCaughtUp(admin);
            long head = EveryTable.head(backup);
            String consistent = "consistentWith=" + head;
            for (String read : List.of("/api/contacts/" + erased + "?", "/api/contacts/" + erased + "/timeline?",
                    "/api/contacts/" + erased + "/commitments?")) {
                assertThat(alice.get(read + consistent).status()).as("GET %s on the restored copy", read).isEqualTo(404);
            }
            assertThat(alice.text("/api/contacts?" + consistent)).doesNotContain(erasedMarker).contains(keptMarker);
            for (JsonNode entry : alice.read("/api/audit?size=200&" + consistent).get("items")) {
                assertThat(entry.toString()).doesNotContain(erasedMarker);
            }
            assertThat(alice.text("/api/exports/events.jsonl?" + consistent)).doesNotContain(erasedMarker).contains(keptMarker);
            assertThat(EveryTable.holding(backup, erasedMarker)).as("the restored copy, erased again").isEmpty();
            assertThat(EveryTable.holding(backup, keptMarker)).as("the contact that was never erased").isNotEmpty();

            Signed.Answer twice = admin.send("POST", "/api/admin/erasures", erasures);
            assertThat(twice.status()).as("the same list applied again: %s", twice.body()).isBetween(200, 299);
            assertThat(EveryTable.head(backup))
                    .as("applying the list again stores nothing").isEqualTo(head);
        }
    }

    /** A copy of a database no app is connected to, as a restored backup of it would be. */
    private static TestDatabase copyOf(TestDatabase database) throws SQLException {
        String name = database.url().replaceFirst("^jdbc:postgresql://[^/]+/([^?]*).*$", "$1");
        String copy = name + "_backup";
        String server = database.url().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1postgres");
        try (Connection db = DriverManager.getConnection(server, database.username(), database.password());
             Statement sql = db.createStatement()) {
            sql.execute("CREATE DATABASE " + copy + " TEMPLATE " + name);
        }
        return new TestDatabase(database.url().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + copy),
                database.username(), database.password());
    }
}
