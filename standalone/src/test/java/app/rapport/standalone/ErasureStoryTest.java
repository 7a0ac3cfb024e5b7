package app.rapport.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import app.rapport.testsupport.TestDatabase;
import app.rapport.testsupport.TestDatabases;
import app.rapport.testsupport.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Crypto-shredding told as a person meets it, on the real standalone app over HTTP. A marker
 * string of this run is put in every personal field of every command that has one (the contact's
 * details, every step's free text, the profile, a mentor's username, an imported row), for two
 * contacts, a referral and an imported contact, each with a marker of its own. The event store and
 * the app's log never show a marker in plain text. One contact is erased: everything about it is
 * 404, the audit and the export show its events as erased placeholders, the analytics and the
 * practice figures do not move, a replay rebuilds the same read models, and no text of any table
 * holds its marker. Then the whole account is erased: the mentor's access ends at once, and no
 * table holds any marker of the account.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErasureStoryTest {

    static final String OWNER = TestUsers.ALICE;
    static final Instant DAY_ZERO = Instant.now().minus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    static final Instant FROM = DAY_ZERO.minus(1, ChronoUnit.DAYS);
    static final Instant TO = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    /** The run's markers: a common prefix, and one per data subject that no other marker contains. */
    record Markers(String run) {
        static Markers fresh() {
            return new Markers("zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
        }

        String erased() {
            return run + "alfa";
        }

        String kept() {
            return run + "bravo";
        }

        String referred() {
            return run + "refer";
        }

        String imported() {
            return run + "impo";
        }

        String self() {
            return run + "self";
        }
    }

    /** The ids of the journal the story keeps. */
    record Journal(UUID erased, UUID kept, UUID referred, UUID imported, UUID held, UUID nudged, String feed,
                   long position) {
    }

    @Test
    void anErasedContactIsForgottenEverywhere_andAnErasedAccountLeavesNothing(CapturedOutput output) throws Exception {
        Markers markers = Markers.fresh();
        TestDatabase database = TestDatabases.create();
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        // the app logs every line it writes at the level it runs at in production, and Rapport's own
        // debug lines; the levels are the JVM's, so the next tests get theirs back
        Map<String, LogLevel> levels = levelsOf(logging, "ROOT", "app.rapport");
        try (ConfigurableApplicationContext app = SplitApps.start(StandaloneApplication.class, database,
                "--logging.level.root=INFO", "--logging.level.app.rapport=DEBUG")) {
            Signed alice = Signed.as(app, OWNER);
            Signed mentor = Signed.as(app, TestUsers.MENTOR);
            Signed admin = Signed.as(app, TestUsers.DEMO);

            Journal journal = keep(alice, markers);
            for (String column : List.of("payload", "meta_data")) {
                assertThat(EveryTable.rowsHolding(database, "domain_event_entry", column, markers.run()))
                        .as("events whose %s shows a marker in plain text", column).isZero();
                assertThat(EveryTable.rowsHolding(database, "dead_letter_entry", column, markers.run()))
                        .as("dead letters whose %s shows a marker in plain text", column).isZero();
            }
            assertThat(EveryTable.holding(database, markers.run()))
                    .as("the read models hold the journal's personal data until it is erased").isNotEmpty();

            Map<String, String> figures = figures(alice, journal.position(), journal.erased());
            List<JsonNode> auditBefore = ofContact(alice.read("/api/audit?size=200&consistentWith=" + journal.position())
                    .get("items"), "contactId", journal.erased());
            List<JsonNode> exportBefore = ofContact(lines(alice.text("/api/exports/events.jsonl?consistentWith="
                    + journal.position())), "aggregateId", journal.erased());
            assertThat(auditBefore).hasSizeGreaterThan(20);
            assertThat(exportBefore).hasSameSizeAs(auditBefore);
            Instant beforeErasure = Instant.now();

            String erasure = "/api/contacts/" + journal.erased() + "/erasure";
            String reason = "{\"reason\":\"asked to be forgotten, " + markers.self() + "\"}";
            Signed.Answer erased = alice.send("POST", erasure, reason);
            assertThat(erased.status()).as(erased.body()).isEqualTo(200);
            long position = Math.max(erased.position(), EveryTable.head(database));
            Signed.Answer again = alice.send("POST", erasure, reason);
            assertThat(again.status()).as("a retried erasure: %s", again.body()).isEqualTo(200);
            assertThat(again.json()).as("a retried erasure is answered as the first was").isEqualTo(erased.json());

            String consistent = "consistentWith=" + position;
            for (String read : readsOn(journal, beforeErasure)) {
                String path = read + (read.contains("?") ? "&" : "?") + consistent;
                assertThat(alice.get(path).status()).as("GET %s after the erasure", path).isEqualTo(404);
                assertThat(mentor.get(path + "&owner=" + OWNER).status()).as("the mentor's GET %s", path).isEqualTo(404);
            }
            for (Map.Entry<String, String> command : commandsOn(journal).entrySet()) {
                String[] request = command.getKey().split(" ", 2);
                Signed.Answer answer = alice.send(request[0], request[1], command.getValue());
                assertThat(answer.status()).as("%s on the erased contact: %s", command.getKey(), answer.body())
                        .isEqualTo(404);
            }

            List<JsonNode> auditAfter = ofContact(alice.read("/api/audit?size=200&" + consistent).get("items"),
                    "contactId", journal.erased());
            List<JsonNode> exportAfter = ofContact(lines(alice.text("/api/exports/events.jsonl?" + consistent)),
                    "aggregateId", journal.erased());
            assertPlaceholders(auditBefore, auditAfter, "eventId", markers.erased());
            assertPlaceholders(exportBefore, exportAfter, "eventId", markers.erased());
            assertThat(figures(alice, position, journal.erased())).as("the analytics and the practice figures")
                    .isEqualTo(figures);
            for (Map.Entry<String, String> read : everyRead(alice, journal, beforeErasure, position).entrySet()) {
                assertThat(read.getValue()).as("GET %s", read.getKey()).doesNotContainIgnoringCase(markers.erased());
            }
            assertThat(alice.text("/api/contacts?size=200&" + consistent)).contains(markers.kept(), markers.referred(),
                    markers.imported());
            assertThat(alice.read("/api/contacts?q=" + markers.erased() + "&" + consistent).get("total").asInt())
                    .as("a search for the erased contact's name").isZero();
            assertThat(alice.read("/api/contacts?q=" + markers.kept() + "&" + consistent).get("total").asInt())
                    .as("a search for a kept contact's name").isEqualTo(1);
            assertThat(EveryTable.holding(database, markers.erased())).as("where the erased contact's marker is").isEmpty();

            awaitCaughtUp(admin);
            TreeMap<String, List<String>> live = EveryTable.dump(database);
            Signed.Answer replay = admin.send("POST", "/api/admin/replay?processor=all", null);
            assertThat(replay.status()).as(replay.body()).isEqualTo(202);
            awaitCaughtUp(admin);
            TreeMap<String, List<String>> rebuilt = EveryTable.dump(database);
            assertThat(rebuilt.keySet()).isEqualTo(live.keySet());
            assertThat(differences(live, rebuilt)).as("rows a replay rebuilt otherwise, by table").isEmpty();
            assertThat(EveryTable.holding(database, markers.erased())).as("after the replay").isEmpty();
            assertThat(figures(alice, position, journal.erased())).as("the figures after the replay").isEqualTo(figures);

            assertThat(mentor.read("/api/contacts?owner=" + OWNER + "&" + consistent).get("total").asInt()).isEqualTo(3);
            Signed.Answer accountErased = alice.send("DELETE", "/api/account?confirm=" + OWNER, null);
            assertThat(accountErased.status()).as(accountErased.body()).isEqualTo(200);
            assertThat(mentor.send("GET", "/api/contacts?owner=" + OWNER, null).status())
                    .as("the mentor's access, the moment the account is erased").isEqualTo(404);
            assertThat(mentor.send("GET", "/api/contacts/" + journal.kept() + "?owner=" + OWNER, null).status())
                    .isEqualTo(404);
            String afterAccount = "consistentWith=" + Math.max(accountErased.position(), EveryTable.head(database));
            assertThat(mentor.read("/api/mentees?" + afterAccount).toString()).doesNotContain("\"" + OWNER + "\"");
            assertThat(alice.read("/api/contacts?" + afterAccount).get("total").asInt()).isZero();
            for (UUID contact : List.of(journal.kept(), journal.referred(), journal.imported())) {
                assertThat(alice.get("/api/contacts/" + contact + "?" + afterAccount).status()).isEqualTo(404);
                assertThat(alice.get("/api/contacts/" + contact + "/timeline?" + afterAccount).status()).isEqualTo(404);
            }
            Signed.Answer feed = alice.get("/calendar/" + journal.feed() + ".ics");
            if (feed.status() != 404) {
                assertThat(feed.body()).as("the calendar feed of an erased account").doesNotContainIgnoringCase(markers.run());
            }
            assertThat(EveryTable.holding(database, markers.run())).as("where any marker of the account is").isEmpty();
        } finally {
            levels.forEach(logging::setLogLevel);
        }
        assertThat(output.getAll()).as("the app's log, captured").contains("Rapport uses database")
                .doesNotContainIgnoringCase(markers.run());
    }

    /**
     * Alice's journal: the contact to be erased with every kind of step and its free text, a
     * referral it gave, a contact that stays, one imported from the spreadsheet, her profile, a
     * mentor's grant and a grant to a username given and taken back, and a calendar feed.
     */
    private static Journal keep(Signed alice, Markers markers) {
        UUID erased = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID referred = UUID.randomUUID();
        String m = markers.erased();
        String c = "/api/contacts/" + erased;
        alice.command("PUT", "/api/profile", """
                {"displayName":"%1$s name","school":"%1$s school","program":"%1$s program","interests":["%1$s interest"]}"""
                .formatted(markers.self()));
        alice.command("PUT", "/api/mentors/" + markers.self() + "mentor", null);
        alice.command("DELETE", "/api/mentors/" + markers.self() + "mentor", null);
        alice.command("PUT", "/api/mentors/" + TestUsers.MENTOR, null);
        alice.command("POST", "/api/contacts", details(erased, m, "COLD", day(0)));
        alice.command("PATCH", c, """
                {"name":"%1$s renamed","organization":"%1$s org2","role":"%1$s role2","preferredLocation":"%1$s place2",
                 "email":"%1$s.two@example.org","phone":"+1 555 %1$s","notes":"%1$s notes2",
                 "profileUrl":"https://example.org/in/%1$s-2","at":"%2$s"}""".formatted(m, day(1)));
        alice.command("PUT", c + "/cadence", "{\"days\":30,\"at\":\"%s\"}".formatted(day(1)));

        UUID held = UUID.randomUUID();
        String i = c + "/interviews/" + held;
        alice.command("POST", c + "/interviews", request(held, m, day(2)));
        alice.command("POST", i + "/response", "{\"outcome\":\"ACCEPTED\",\"note\":\"%s yes\",\"at\":\"%s\"}".formatted(m, day(3)));
        alice.command("POST", i + "/schedule", "{\"scheduledFor\":\"%s\",\"mode\":\"IN_PERSON\",\"location\":\"%s cafe\",\"at\":\"%s\"}"
                .formatted(day(6), m, day(3)));
        alice.command("POST", i + "/preparation", """
                {"questions":["%1$s first?","%1$s second?"],"researchNotes":"%1$s research","recordingPermissionAsked":true,"at":"%2$s"}"""
                .formatted(m, day(5)));
        alice.command("POST", i + "/hold", """
                {"heldAt":"%s","actualMinutes":40,"notes":"%s said","checklist":{"thankedAtStart":true,
                 "introducedSelf":true,"askedForReferrals":true,"thankedAtEnd":false}}""".formatted(day(6), m));
        alice.command("POST", i + "/thank-you", "{\"channel\":\"EMAIL\",\"note\":\"%s thanks\",\"at\":\"%s\"}".formatted(m, day(8)));
        UUID promise = UUID.randomUUID();
        UUID dropped = UUID.randomUUID();
        UUID keptByFollowUp = UUID.randomUUID();
        alice.command("POST", c + "/commitments", "{\"commitmentId\":\"%s\",\"promise\":\"%s article\",\"interviewId\":\"%s\",\"dueBy\":\"%s\",\"at\":\"%s\"}"
                .formatted(promise, m, held, day(20), day(7)));
        alice.command("POST", c + "/commitments", "{\"commitmentId\":\"%s\",\"promise\":\"%s visit\",\"dueBy\":\"%s\",\"at\":\"%s\"}"
                .formatted(dropped, m, day(20), day(7).plusSeconds(60)));
        alice.command("POST", c + "/commitments", "{\"commitmentId\":\"%s\",\"promise\":\"%s intro\",\"dueBy\":\"%s\",\"at\":\"%s\"}"
                .formatted(keptByFollowUp, m, day(20), day(7).plusSeconds(120)));
        alice.command("POST", c + "/commitments/" + promise + "/kept", "{\"note\":\"%s sent\",\"at\":\"%s\"}".formatted(m, day(9)));
        alice.command("POST", c + "/commitments/" + dropped + "/dropped", "{\"reason\":\"%s moved\",\"at\":\"%s\"}".formatted(m, day(9)));
        alice.command("POST", c + "/follow-ups", "{\"kind\":\"ADVICE_TAKEN\",\"channel\":\"EMAIL\",\"note\":\"%s advice\",\"keeps\":[\"%s\"],\"at\":\"%s\"}"
                .formatted(m, keptByFollowUp, day(10)));
        alice.command("POST", c + "/follow-ups", "{\"kind\":\"CHECK_IN\",\"channel\":\"PHONE\",\"note\":\"%s twice\",\"at\":\"%s\"}"
                .formatted(m, day(11)));
        alice.command("POST", c + "/job-inquiries", "{\"note\":\"%s openings\",\"acknowledgeEarly\":true,\"at\":\"%s\"}"
                .formatted(m, day(12)));
        long beforeCorrections = alice.command("POST", c + "/referrals", details(referred, markers.referred(), null, day(13)));
        JsonNode timeline = alice.read(c + "/timeline?size=200&consistentWith=" + beforeCorrections);
        alice.command("POST", c + "/entries/" + entry(timeline, "FollowUpLogged", 0) + "/correction",
                "{\"reason\":\"%1$s typo\",\"note\":\"%1$s corrected note\"}".formatted(m));
        alice.command("POST", c + "/entries/" + entry(timeline, "FollowUpLogged", 1) + "/retraction",
                "{\"reason\":\"%s logged twice\"}".formatted(m));
        alice.command("POST", c + "/entries/" + entry(timeline, "InterviewHeld", 0) + "/correction",
                "{\"reason\":\"%1$s clock\",\"actualMinutes\":30,\"notes\":\"%1$s corrected notes\"}".formatted(m));

        UUID cancelled = UUID.randomUUID();
        alice.command("POST", c + "/interviews", request(cancelled, m, day(14)));
        alice.command("POST", c + "/interviews/" + cancelled + "/cancel", "{\"reason\":\"%s busy\",\"at\":\"%s\"}".formatted(m, day(15)));
        UUID declined = UUID.randomUUID();
        alice.command("POST", c + "/interviews", request(declined, m, day(16)));
        alice.command("POST", c + "/interviews/" + declined + "/response", "{\"outcome\":\"DECLINED\",\"note\":\"%s no\",\"at\":\"%s\"}"
                .formatted(m, day(17)));
        UUID nudged = UUID.randomUUID();
        alice.command("POST", c + "/interviews", request(nudged, m, day(18)));
        alice.command("POST", c + "/interviews/" + nudged + "/nudge", "{\"channel\":\"EMAIL\",\"note\":\"%s bump\",\"at\":\"%s\"}"
                .formatted(m, day(26)));
        alice.command("POST", c + "/interviews/" + nudged + "/response", "{\"outcome\":\"NO_RESPONSE\",\"note\":\"%s silent\",\"at\":\"%s\"}"
                .formatted(m, day(34)));

        String k = markers.kept();
        String b = "/api/contacts/" + kept;
        alice.command("POST", "/api/contacts", details(kept, k, "EVENT", day(0)));
        alice.command("POST", c + "/referrals/links", "{\"referredContactId\":\"%s\",\"at\":\"%s\"}".formatted(kept, day(35)));
        UUID upcoming = UUID.randomUUID();
        alice.command("POST", b + "/interviews", request(upcoming, k, day(36)));
        alice.command("POST", b + "/interviews/" + upcoming + "/response", "{\"outcome\":\"ACCEPTED\",\"note\":\"%s yes\",\"at\":\"%s\"}"
                .formatted(k, day(37)));
        alice.command("POST", b + "/interviews/" + upcoming + "/schedule", "{\"scheduledFor\":\"%s\",\"mode\":\"VIDEO\",\"location\":\"%s room\",\"at\":\"%s\"}"
                .formatted(Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS), k, day(37)));
        alice.command("POST", b + "/commitments", "{\"promise\":\"%s paper\",\"dueBy\":\"%s\",\"at\":\"%s\"}"
                .formatted(k, day(40), day(38)));
        alice.command("POST", "/api/contacts/" + referred + "/interviews", request(UUID.randomUUID(), markers.referred(), day(39)));

        String n = markers.imported();
        String csv = String.join(",", List.of("name", "organization", "role", "specialization", "source", "preferredChannel",
                "preferredLocation", "email", "phone", "notes", "profileUrl", "at")) + "\r\n"
                + String.join(",", List.of(n + " name", n + " org", n + " role", "imports", "EVENT", "EMAIL", n + " place",
                n + ".mail@example.org", "+1 555 " + n, n + " notes", "https://example.org/in/" + n, day(2).toString())) + "\r\n";
        Signed.Answer imported = alice.send("POST", "/api/imports?format=csv", csv, "text/csv");
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        long position = imported.position();
        UUID importedId = null;
        for (JsonNode contact : alice.read("/api/contacts?size=200&consistentWith=" + position).get("items")) {
            if (contact.get("name").asText().startsWith(n)) {
                importedId = UUID.fromString(contact.get("contactId").asText());
            }
        }
        assertThat(importedId).as("the imported contact in the list").isNotNull();

        Signed.Answer feed = alice.send("PUT", "/api/calendar-feed", null);
        assertThat(feed.status()).as(feed.body()).isEqualTo(200);
        String url = feed.json().get("url").asText();
        String token = url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
        return new Journal(erased, kept, referred, importedId, held, nudged, token, Math.max(position, feed.position()));
    }

    /** The reads of the erased contact itself: each is 404 once it is erased, as of before the erasure too. */
    private static List<String> readsOn(Journal journal, Instant beforeErasure) {
        String c = "/api/contacts/" + journal.erased();
        return List.of(c, c + "?asOf=" + beforeErasure, c + "/timeline", c + "/timeline?asOf=" + beforeErasure,
                c + "/commitments", c + "/drafts/request?durationMinutes=20&purpose=archives",
                c + "/drafts/nudge?interviewId=" + journal.nudged(), c + "/drafts/thank-you?interviewId=" + journal.held(),
                c + "/drafts/follow-up?interviewId=" + journal.held());
    }

    /** A command of every kind on the erased contact, by method and path. */
    private static Map<String, String> commandsOn(Journal journal) {
        String c = "/api/contacts/" + journal.erased();
        String i = c + "/interviews/" + journal.held();
        Map<String, String> commands = new LinkedHashMap<>();
        commands.put("PATCH " + c, "{\"role\":\"Curator\"}");
        commands.put("PUT " + c + "/cadence", "{\"days\":45}");
        commands.put("POST " + c + "/interviews", "{\"channel\":\"EMAIL\",\"durationMinutes\":20,\"purpose\":\"again\"}");
        commands.put("POST " + i + "/thank-you", "{\"channel\":\"EMAIL\"}");
        commands.put("POST " + c + "/follow-ups", "{\"kind\":\"CHECK_IN\",\"channel\":\"EMAIL\"}");
        commands.put("POST " + c + "/referrals", "{\"name\":\"Someone else\"}");
        commands.put("POST " + c + "/commitments", "{\"promise\":\"call back\"}");
        commands.put("POST " + c + "/job-inquiries", "{\"acknowledgeEarly\":true}");
        commands.put("POST " + c + "/archive", null);
        commands.put("POST /api/contacts/" + journal.kept() + "/referrals/links",
                "{\"referredContactId\":\"" + journal.erased() + "\"}");
        return commands;
    }

    /** Every read of the journal that could show the erased contact, by path, as text. */
    private static Map<String, String> everyRead(Signed alice, Journal journal, Instant beforeErasure, long position) {
        String consistent = "consistentWith=" + position;
        Map<String, String> reads = new LinkedHashMap<>();
        for (String path : List.of("/api/contacts?size=200", "/api/contacts?size=200&asOf=" + beforeErasure,
                "/api/follow-ups/overdue?lookahead=P400D",
                "/api/follow-ups/overdue?lookahead=P400D&asOf=" + beforeErasure, "/api/reports/referrals",
                "/api/reports/practice?from=" + FROM + "&to=" + TO, "/api/reports/practice?from=" + FROM + "&to=" + TO
                        + "&asOf=" + beforeErasure, "/api/analytics/outreach?groupBy=specialization",
                "/api/audit?size=200", "/api/exports/events.jsonl", "/api/events?limit=1000", "/api/exports/contacts.csv",
                "/api/exports/contacts.vcf", "/api/contacts/" + journal.kept() + "/timeline?size=200",
                "/api/contacts/" + journal.referred(), "/api/contacts/" + journal.referred() + "/timeline?size=200")) {
            reads.put(path, alice.text(path + (path.contains("?") ? "&" : "?") + consistent));
        }
        reads.put("/calendar/{token}.ics", alice.text("/calendar/" + journal.feed() + ".ics"));
        return reads;
    }

    /**
     * What an erasure must leave as it was: the outreach analytics by every grouping, and the
     * practice and referral reports, except the erased contact's name where a report names it.
     */
    private static Map<String, String> figures(Signed alice, long position, UUID erased) {
        Map<String, String> figures = new LinkedHashMap<>();
        String range = "from=" + FROM + "&to=" + TO + "&consistentWith=" + position;
        for (String groupBy : List.of("channel", "source", "specialization", "month", "channel,month")) {
            figures.put(groupBy, comparable(alice.read("/api/analytics/outreach?groupBy=" + groupBy + "&" + range), erased));
        }
        figures.put("practice", comparable(alice.read("/api/reports/practice?size=200&" + range), erased));
        figures.put("referrals", comparable(alice.read("/api/reports/referrals?consistentWith=" + position), erased));
        return figures;
    }

    private static String comparable(JsonNode view, UUID erased) {
        JsonNode copy = view.deepCopy();
        strip(copy, erased.toString());
        return copy.toString();
    }

    private static void strip(JsonNode node, String erased) {
        if (node instanceof ObjectNode object) {
            object.remove("asOf");
            if (erased.equals(object.path("contactId").asText())) {
                object.remove("contactName");
            }
            Iterator<JsonNode> fields = object.elements();
            while (fields.hasNext()) {
                strip(fields.next(), erased);
            }
        } else if (node.isArray()) {
            node.forEach(element -> strip(element, erased));
        }
    }

    /**
     * The erased contact's events are all still listed: each that held personal data as a
     * placeholder without it, the others as they were.
     */
    private static void assertPlaceholders(List<JsonNode> before, List<JsonNode> withErasure, String id, String marker) {
        // the audit names a type by its simple name, the export by the stored class name
        List<JsonNode> after = withErasure.stream().filter(entry -> !entry.get("type").asText().endsWith("ContactErased"))
                .toList();
        assertThat(withErasure.size() - after.size()).as("ContactErased listed once").isEqualTo(1);
        assertThat(after.stream().map(entry -> entry.get(id).asText()).toList())
                .as("the erased contact's events, still listed")
                .isEqualTo(before.stream().map(entry -> entry.get(id).asText()).toList());
        assertThat(after.stream().map(entry -> entry.get("type").asText()).toList())
                .isEqualTo(before.stream().map(entry -> entry.get("type").asText()).toList());
        for (int n = 0; n < after.size(); n++) {
            JsonNode entry = after.get(n);
            if (before.get(n).toString().toLowerCase(Locale.ROOT).contains(marker)) {
                assertThat(entry.toString()).doesNotContainIgnoringCase(marker);
                assertThat(entry.toString().toLowerCase(Locale.ROOT)).as("a placeholder says it is erased: %s", entry)
                        .contains("erased");
            } else {
                assertThat(entry).as("an event without personal data reads as it did").isEqualTo(before.get(n));
            }
        }
    }

    private static List<JsonNode> ofContact(Iterable<JsonNode> entries, String field, UUID contact) {
        List<JsonNode> of = new ArrayList<>();
        for (JsonNode entry : entries) {
            if (contact.toString().equals(entry.path(field).asText())) {
                of.add(entry);
            }
        }
        return of;
    }

    private static List<JsonNode> lines(String jsonLines) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : jsonLines.split("\n")) {
            if (!line.isBlank()) {
                lines.add(new Signed.Answer(200, line).json());
            }
        }
        return lines;
    }

    /** The rows only one dump has, table by table: {@code live: …} and {@code rebuilt: …}. */
    private static Map<String, List<String>> differences(TreeMap<String, List<String>> live,
                                                         TreeMap<String, List<String>> rebuilt) {
        Map<String, List<String>> differences = new TreeMap<>();
        for (String table : live.keySet()) {
            List<String> rows = new ArrayList<>();
            live.get(table).stream().filter(row -> !rebuilt.get(table).contains(row)).forEach(row -> rows.add("live: " + row));
            rebuilt.get(table).stream().filter(row -> !live.get(table).contains(row)).forEach(row -> rows.add("rebuilt: " + row));
            if (!rows.isEmpty()) {
                differences.put(table, rows);
            }
        }
        return differences;
    }

    /** Until every processor has handled the head of the store and none is replaying. */
    static void awaitCaughtUp(Signed admin) {
        Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Signed.Answer status = admin.send("GET", "/api/admin/replay", null);
            if (status.status() != 200) {
                return false;
            }
            boolean all = true;
            for (JsonNode processor : status.json()) {
                all &= processor.path("caughtUp").asBoolean();
            }
            return all && status.json().size() > 0;
        });
    }

    private static Map<String, LogLevel> levelsOf(LoggingSystem logging, String... loggers) {
        Map<String, LogLevel> levels = new LinkedHashMap<>();
        for (String logger : loggers) {
            var configuration = logging.getLoggerConfiguration(logger);
            levels.put(logger, configuration == null ? null : configuration.getConfiguredLevel());
        }
        return levels;
    }

    static String details(UUID id, String marker, String source, Instant at) {
        return """
                {"contactId":"%1$s","name":"%2$s name","organization":"%2$s org","role":"%2$s role",
                 "specialization":"archives",%3$s"preferredChannel":"EMAIL","preferredLocation":"%2$s place",
                 "email":"%2$s.mail@example.org","phone":"+1 555 %2$s","notes":"%2$s notes",
                 "profileUrl":"https://example.org/in/%2$s","at":"%4$s"}"""
                .formatted(id, marker, source == null ? "" : "\"source\":\"" + source + "\",", at);
    }

    static String request(UUID interview, String marker, Instant at) {
        return """
                {"interviewId":"%s","channel":"EMAIL","durationMinutes":30,"purpose":"%s purpose",
                 "message":"%s message","at":"%s"}""".formatted(interview, marker, marker, at);
    }

    private static String entry(JsonNode timeline, String type, int nth) {
        int seen = 0;
        for (JsonNode entry : timeline.get("items")) {
            if (type.equals(entry.get("type").asText()) && seen++ == nth) {
                return entry.get("entryId").asText();
            }
        }
        throw new IllegalArgumentException("no " + type + " number " + nth + " in the timeline");
    }

    static Instant day(int n) {
        return DAY_ZERO.plus(n, ChronoUnit.DAYS);
    }
}
