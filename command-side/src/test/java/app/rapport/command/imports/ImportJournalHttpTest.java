package app.rapport.command.imports;

import static app.rapport.command.imports.ImportApi.errorsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.command.DecryptedPayloads;
import app.rapport.testsupport.TestUsers;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Importing a journal exported as JSON Lines ({@code format=events}): every kind of event of a
 * journal comes back as the importer's own, decided again by the aggregates, with the same
 * business times and corrections that amend the same entries; a repeat changes nothing; a bad line
 * or a refused step stores nothing and leaves no contact in the cache.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportJournalHttpTest {

    static final Instant DAY_ZERO = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.axonframework.config.Configuration axon;

    StoredEvents events;

    @BeforeEach
    void store() {
        events = new StoredEvents(jdbc, axon.eventSerializer());
    }

    @Test
    void aJournalWithEveryKindOfEvent_isRebuiltAsTheImportersOwn_andAgainChangesNothing() {
        Journal alice = keepAJournal(TestUsers.ALICE);
        String export = exportOf(alice.aggregates());
        int lines = export.split("\n").length;

        ResponseEntity<Map<String, Object>> imported = as(TestUsers.BOB).importBytes("events", bytes(export), false);

        assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(imported.getBody()).containsEntry("format", "events").containsEntry("rows", lines)
                .containsEntry("skipped", 1).containsEntry("created", lines - 1);
        UUID importId = UUID.fromString((String) imported.getBody().get("importId"));
        Map<String, String> ids = new HashMap<>();
        alice.contacts().forEach(contact -> ids.put(contact.toString(),
                JournalImport.ownIdFor(importId, contact).toString()));
        for (UUID contact : alice.contacts()) {
            UUID bobs = UUID.fromString(ids.get(contact.toString()));
            assertThat(events.types(bobs)).as("contact %s", contact).isEqualTo(events.types(contact));
            assertThat(comparable(events.payloadsOf(bobs), Map.of(), null)).as("contact %s", contact)
                    .isEqualTo(comparable(events.payloadsOf(contact), ids, importId));
        }
        assertThat(events.types(TestUsers.BOB)).contains("ProfileSet").doesNotContain("MentorAccessGranted");
        Map<String, Object> first = events.payloadsOf(ids.get(alice.contacts().get(0).toString())).get(0);
        assertThat(first.get("provenance")).isEqualTo(Map.of("importId", importId.toString(), "format", "events",
                "row", 1 + lineOf(export, alice.contacts().get(0))));
        assertThat(metadataOf(ids.get(alice.contacts().get(0).toString())))
                .containsEntry("actor", TestUsers.BOB).containsEntry("importId", importId.toString());
        long position = ((Number) imported.getBody().get("position")).longValue();
        assertThat(position).isEqualTo(events.lastPosition());

        long stored = events.count();
        ResponseEntity<Map<String, Object>> again = as(TestUsers.BOB).importBytes("events", bytes(export), false);
        ResponseEntity<Map<String, Object>> ownAgain = as(TestUsers.ALICE).importBytes("events", bytes(export), false);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("created", 0).containsEntry("unchanged", lines - 1);
        assertThat(ownAgain.getBody()).containsEntry("created", 0).containsEntry("unchanged", lines - 1);
        assertThat(events.count()).isEqualTo(stored);
    }

    @Test
    void intoAJournalWhereItsIdsAreFree_theContactsKeepTheirIds_andADryRunStoresNothing() {
        Journal demo = keepAJournal(TestUsers.DEMO);
        String export = exportOf(demo.aggregates());
        Map<String, String> moved = new HashMap<>();
        for (UUID contact : demo.contacts()) {
            UUID elsewhere = UUID.randomUUID();
            moved.put(contact.toString(), elsewhere.toString());
            export = export.replace(contact.toString(), elsewhere.toString());
        }
        long stored = events.count();

        ResponseEntity<Map<String, Object>> tried = as(TestUsers.CAROL).importBytes("events", bytes(export), true);
        assertThat(events.count()).isEqualTo(stored);
        ResponseEntity<Map<String, Object>> imported = as(TestUsers.CAROL).importBytes("events", bytes(export), false);

        assertThat(tried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> triedBody = new LinkedHashMap<>(tried.getBody());
        Map<String, Object> importedBody = new LinkedHashMap<>(imported.getBody());
        for (String key : List.of("position", "dryRun")) {
            triedBody.remove(key);
            importedBody.remove(key);
        }
        assertThat(triedBody).isEqualTo(importedBody);
        for (UUID contact : demo.contacts()) {
            String carols = moved.get(contact.toString());
            assertThat(events.types(carols)).isEqualTo(events.types(contact));
            assertThat(comparable(events.payloadsOf(carols), Map.of(), null))
                    .isEqualTo(comparable(events.payloadsOf(contact), moved, null));
        }
    }

    @Test
    void unreadableLines_areListedAndNothingIsStored() {
        UUID contact = UUID.randomUUID();
        String file = String.join("\n",
                "{\"type\":\"ContactAdded\",\"payload\":{\"contactId\":\"%s\",\"ownerId\":\"x\",\"details\":{\"name\":\"Fine\"},\"source\":\"COLD\",\"at\":\"2024-01-01T00:00:00Z\"}}".formatted(contact),
                "{not json",
                "{\"type\":\"SomethingElse\",\"payload\":{}}",
                "{\"type\":\"app.rapport.events.contact.ContactArchived\"}",
                "[1,2]",
                "{\"type\":\"FollowUpLogged\",\"payload\":{\"contactId\":\"%s\",\"note\":\"a\\u0000b\"}}".formatted(contact),
                "");
        long stored = events.count();

        ResponseEntity<Map<String, Object>> answer = as(TestUsers.ALICE).importBytes("events", bytes(file), false);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errorsOf(answer)).extracting(error -> error.get("row") + " " + error.get("field"))
                .containsExactly("2 line", "3 type", "4 payload", "5 line", "6 payload.note");
        assertThat(events.count()).isEqualTo(stored);
    }

    @Test
    void aStepItsContactRefuses_rejectsTheWholeJournal_andLeavesNoContactInTheCache() {
        UUID contact = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String file = String.join("\n",
                added(contact, "Cached Perhaps"),
                added(other, "Another"),
                "{\"type\":\"InterviewAccepted\",\"payload\":{\"contactId\":\"%s\",\"ownerId\":\"x\",\"interviewId\":\"%s\",\"at\":\"2024-01-02T00:00:00Z\"}}"
                        .formatted(contact, UUID.randomUUID()),
                "{\"type\":\"ContactArchived\",\"payload\":{\"contactId\":\"%s\",\"ownerId\":\"x\",\"at\":\"2024-01-03T00:00:00Z\"}}"
                        .formatted(other));
        long last = events.lastPosition();

        ResponseEntity<Map<String, Object>> answer = as(TestUsers.ALICE).importBytes("events", bytes(file), false);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errorsOf(answer)).extracting(error -> error.get("row") + " " + error.get("field"))
                .containsExactly("3 InterviewAccepted");
        assertThat(events.types(contact)).isEmpty();
        assertThat(events.types(other)).isEmpty();
        ResponseEntity<Map<String, Object>> addedAfter = as(TestUsers.ALICE).postJson("/api/contacts",
                "{\"contactId\":\"%s\",\"name\":\"Cached Perhaps\",\"source\":\"COLD\",\"at\":\"2024-01-01T00:00:00Z\"}"
                        .formatted(contact));
        assertThat(addedAfter.getStatusCode()).as("%s", addedAfter.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(events.types(contact)).containsExactly("ContactAdded");
        assertThat(((Number) addedAfter.getBody().get("position")).longValue()).isEqualTo(last + 1);
    }

    /**
     * An erased contact is exported with its personal data erased and its erasure: imported, the
     * copy is erased too, so the journal that takes it in reads the same (and no command revives it).
     */
    @Test
    void anErasedContactOfTheJournal_isImportedErased() {
        ImportApi mentor = as(TestUsers.MENTOR);
        UUID contact = UUID.randomUUID();
        ok(mentor.postJson("/api/contacts", "{\"contactId\":\"%s\",\"name\":\"Forget Me\",\"source\":\"COLD\",\"at\":\"%s\"}"
                .formatted(contact, day(0))));
        ok(mentor.postJson("/api/contacts/" + contact + "/interviews", """
                {"channel":"EMAIL","durationMinutes":20,"purpose":"archives","at":"%s"}""".formatted(day(1))));
        ok(mentor.postJson("/api/contacts/" + contact + "/erasure", "{\"reason\":\"asked to be forgotten\"}"));
        String export = exportOf(List.of(contact.toString()));
        assertThat(export).doesNotContain("Forget Me").doesNotContain("archives");

        ResponseEntity<Map<String, Object>> imported = as(TestUsers.ALICE).importBytes("events", bytes(export), false);

        assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.CREATED);
        UUID copy = JournalImport.ownIdFor(UUID.fromString((String) imported.getBody().get("importId")), contact);
        assertThat(events.types(copy)).containsExactly("ContactAdded", "InterviewRequested", "ContactErased");
        assertThat(as(TestUsers.ALICE).postJson("/api/contacts/" + copy + "/archive", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static String added(UUID contact, String name) {
        return ("{\"type\":\"app.rapport.events.contact.ContactAdded\",\"eventId\":\"%s\",\"payload\":{\"contactId\":\"%s\","
                + "\"ownerId\":\"someone\",\"details\":{\"name\":\"%s\"},\"source\":\"COLD\",\"cadenceDays\":0,"
                + "\"at\":\"2024-01-01T00:00:00Z\"}}").formatted(UUID.randomUUID(), contact, name);
    }

    /** The contacts and streams of a journal kept through the command API. */
    record Journal(String owner, List<UUID> contacts) {

        List<String> aggregates() {
            List<String> all = new ArrayList<>(contacts.stream().map(UUID::toString).toList());
            all.add(owner);
            return all;
        }
    }

    /** A journal with every kind of event a person records, dated in order over the last twenty days. */
    private Journal keepAJournal(String owner) {
        ImportApi api = as(owner);
        UUID ada = UUID.randomUUID();
        UUID referred = UUID.randomUUID();
        UUID grace = UUID.randomUUID();
        String tag = UUID.randomUUID().toString();
        String c = "/api/contacts/" + ada;
        ok(api.postJson("/api/contacts", """
                {"contactId":"%s","name":"Ada Journal","source":"COLD","email":"ada.%s@example.org",
                 "profileUrl":"https://www.linkedin.com/in/ada-%s","at":"%s"}""".formatted(ada, tag, tag, day(0))));
        ok(send(api, HttpMethod.PATCH, c, "{\"role\":\"Archivist\",\"at\":\"%s\"}".formatted(day(1))));
        ok(send(api, HttpMethod.PUT, c + "/cadence", "{\"days\":30,\"at\":\"%s\"}".formatted(day(1))));
        UUID held = UUID.randomUUID();
        String i = c + "/interviews/" + held;
        ok(api.postJson(c + "/interviews", """
                {"interviewId":"%s","channel":"EMAIL","durationMinutes":30,"purpose":"archives","at":"%s"}"""
                .formatted(held, day(2))));
        ok(api.postJson(i + "/response", "{\"outcome\":\"ACCEPTED\",\"note\":\"gladly\",\"at\":\"%s\"}".formatted(day(3))));
        ok(api.postJson(i + "/schedule", "{\"scheduledFor\":\"%s\",\"mode\":\"VIDEO\",\"location\":\"Zoom\",\"at\":\"%s\"}"
                .formatted(day(6), day(3))));
        ok(api.postJson(i + "/preparation", "{\"questions\":[\"How did you start?\"],\"researchNotes\":\"papers\",\"at\":\"%s\"}"
                .formatted(day(4))));
        ok(api.postJson(i + "/hold", """
                {"heldAt":"%s","actualMinutes":35,"notes":"went well","checklist":{"thankedAtStart":true,
                 "introducedSelf":true,"askedForReferrals":true,"thankedAtEnd":true}}""".formatted(day(6))));
        ok(api.postJson(i + "/thank-you", "{\"channel\":\"EMAIL\",\"note\":\"thanks\",\"at\":\"%s\"}".formatted(day(6).plusSeconds(3600))));
        UUID article = UUID.randomUUID();
        UUID visit = UUID.randomUUID();
        UUID call = UUID.randomUUID();
        for (UUID promise : List.of(article, visit, call)) {
            ok(api.postJson(c + "/commitments", "{\"commitmentId\":\"%s\",\"promise\":\"promise\",\"interviewId\":\"%s\",\"dueBy\":\"%s\",\"at\":\"%s\"}"
                    .formatted(promise, held, day(15), day(7))));
        }
        ok(api.postJson(c + "/commitments/" + visit + "/dropped", "{\"reason\":\"moved\",\"at\":\"%s\"}".formatted(day(7).plusSeconds(60))));
        ok(api.postJson(c + "/commitments/" + call + "/kept", "{\"note\":\"called\",\"at\":\"%s\"}".formatted(day(7).plusSeconds(120))));
        UUID advice = UUID.randomUUID();
        ok(api.postJson(c + "/follow-ups", "{\"followUpId\":\"%s\",\"kind\":\"ADVICE_TAKEN\",\"channel\":\"EMAIL\",\"note\":\"read it\",\"keeps\":[\"%s\"],\"at\":\"%s\"}"
                .formatted(advice, article, day(8))));
        UUID checkIn = UUID.randomUUID();
        ok(api.postJson(c + "/follow-ups", "{\"followUpId\":\"%s\",\"kind\":\"CHECK_IN\",\"channel\":\"PHONE\",\"at\":\"%s\"}"
                .formatted(checkIn, day(9))));
        ok(api.postJson(c + "/job-inquiries", "{\"inquiryId\":\"%s\",\"note\":\"any openings?\",\"at\":\"%s\"}"
                .formatted(UUID.randomUUID(), day(10))));
        ok(api.postJson(c + "/entries/" + entryOf(ada, "FollowUpLogged", 0) + "/correction",
                "{\"reason\":\"typo\",\"note\":\"read both of them\"}"));
        ok(api.postJson(c + "/entries/" + entryOf(ada, "FollowUpLogged", 1) + "/retraction",
                "{\"reason\":\"logged twice\"}"));
        UUID declined = UUID.randomUUID();
        ok(api.postJson(c + "/interviews", "{\"interviewId\":\"%s\",\"channel\":\"PHONE\",\"durationMinutes\":20,\"purpose\":\"more\",\"at\":\"%s\"}"
                .formatted(declined, day(11))));
        ok(api.postJson(c + "/interviews/" + declined + "/response", "{\"outcome\":\"DECLINED\",\"at\":\"%s\"}".formatted(day(12))));
        ok(api.postJson(c + "/referrals", "{\"contactId\":\"%s\",\"name\":\"Referred Journal\",\"role\":\"Curator\",\"at\":\"%s\"}"
                .formatted(referred, day(12))));

        String g = "/api/contacts/" + grace;
        ok(api.postJson("/api/contacts", "{\"contactId\":\"%s\",\"name\":\"Grace Journal\",\"source\":\"EVENT\",\"at\":\"%s\"}"
                .formatted(grace, day(0))));
        UUID unanswered = UUID.randomUUID();
        ok(api.postJson(g + "/interviews", "{\"interviewId\":\"%s\",\"channel\":\"EMAIL\",\"durationMinutes\":25,\"purpose\":\"navy\",\"at\":\"%s\"}"
                .formatted(unanswered, day(1))));
        ok(api.postJson(g + "/interviews/" + unanswered + "/nudge", "{\"channel\":\"EMAIL\",\"note\":\"bump\",\"at\":\"%s\"}".formatted(day(9))));
        ok(api.postJson(g + "/interviews/" + unanswered + "/response", "{\"outcome\":\"NO_RESPONSE\",\"at\":\"%s\"}".formatted(day(16))));
        UUID cancelled = UUID.randomUUID();
        ok(api.postJson(g + "/interviews", "{\"interviewId\":\"%s\",\"channel\":\"VIDEO\",\"durationMinutes\":15,\"purpose\":\"code\",\"at\":\"%s\"}"
                .formatted(cancelled, day(2))));
        ok(api.postJson(g + "/interviews/" + cancelled + "/cancel", "{\"reason\":\"found the answer\",\"at\":\"%s\"}".formatted(day(3))));
        ok(api.postJson(g + "/referrals/links", "{\"referredContactId\":\"%s\",\"at\":\"%s\"}".formatted(ada, day(17))));
        ok(api.postJson(g + "/archive", null));
        ok(api.postJson(g + "/restore", null));
        ok(send(api, HttpMethod.PUT, "/api/profile", "{\"displayName\":\"%s\",\"school\":\"State U\",\"interests\":[\"archives\"]}"
                .formatted(owner)));
        ok(send(api, HttpMethod.PUT, "/api/mentors/" + TestUsers.MENTOR, null));
        return new Journal(owner, List.of(ada, referred, grace));
    }

    /** The export's format: one JSON object a line, oldest first, as {@code GET /api/exports/events.jsonl} writes it. */
    private String exportOf(List<String> aggregates) {
        StringBuilder export = new StringBuilder();
        // the export writes payloads as they read, personal values opened, as a processor sees them
        DecryptedPayloads payloads = new DecryptedPayloads(jdbc, axon.eventSerializer());
        jdbc.query("SELECT global_index, event_identifier, payload_type, aggregate_identifier, sequence_number, time_stamp, "
                        + "payload, convert_from(meta_data, 'UTF8'), payload_revision FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ANY (?) ORDER BY global_index",
                row -> {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("position", row.getLong(1));
                    line.put("eventId", row.getString(2));
                    line.put("type", row.getString(3));
                    line.put("aggregateId", row.getString(4));
                    line.put("sequence", row.getLong(5));
                    line.put("recordedAt", row.getString(6));
                    line.put("payload", StoredEvents.parse(payloads.json(row.getBytes(7), row.getString(3),
                            row.getString(9))));
                    line.put("metadata", StoredEvents.parse(row.getString(8)));
                    try {
                        export.append(JSON.writeValueAsString(line)).append('\n');
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                (Object) jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<java.sql.Array>) connection ->
                        connection.createArrayOf("varchar", aggregates.toArray())));
        return export.toString();
    }

    /**
     * Payloads as they compare across journals: without the owner, the provenance and the ids of
     * the entries amended (an amendment names its entry by type too), and with the other journal's
     * contact ids put in this one's place; when the import gave the contacts ids of their own
     * ({@code importId} not null), their interviews, follow-ups, inquiries and commitments got ids
     * of their own too.
     */
    private static List<Map<String, Object>> comparable(List<Map<String, Object>> payloads, Map<String, String> ids,
                                                        UUID importId) {
        List<Map<String, Object>> comparable = new ArrayList<>();
        for (Map<String, Object> payload : payloads) {
            Map<String, Object> copy = new LinkedHashMap<>(payload);
            copy.remove("ownerId");
            copy.remove("provenance");
            copy.remove("entryId");
            if (importId != null && copy.get("contactId") instanceof String contact) {
                for (String key : List.of("interviewId", "followUpId", "inquiryId", "commitmentId")) {
                    if (copy.get(key) instanceof String member) {
                        copy.put(key, JournalImport.memberIdFor(importId, UUID.fromString(contact),
                                UUID.fromString(member)).toString());
                    }
                }
                if (copy.get("keeps") instanceof List<?> keeps) {
                    copy.put("keeps", keeps.stream().map(kept -> JournalImport.memberIdFor(importId,
                            UUID.fromString(contact), UUID.fromString((String) kept)).toString()).toList());
                }
            }
            for (String key : List.of("contactId", "referredBy", "referredContactId")) {
                if (copy.get(key) instanceof String id) {
                    copy.put(key, ids.getOrDefault(id, id));
                }
            }
            comparable.add(copy);
        }
        return comparable;
    }

    private Map<String, Object> metadataOf(String aggregate) {
        return StoredEvents.parse(jdbc.queryForObject("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 0", String.class, aggregate));
    }

    private String entryOf(UUID contact, String type, int nth) {
        return jdbc.queryForList("SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "AND payload_type LIKE ? ORDER BY sequence_number", String.class, contact.toString(), "%." + type)
                .get(nth);
    }

    private static int lineOf(String export, UUID contact) {
        String[] lines = export.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("ContactAdded") && lines[i].contains("\"aggregateId\":\"" + contact + "\"")) {
                return i;
            }
        }
        throw new IllegalArgumentException("no ContactAdded of " + contact);
    }

    private static Instant day(int n) {
        return DAY_ZERO.plus(n, ChronoUnit.DAYS);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private ImportApi as(String user) {
        return new ImportApi(http.withBasicAuth(user, TestUsers.passwordOf(user)));
    }

    private static ResponseEntity<Map<String, Object>> send(ImportApi api, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return api.http().exchange(path, method, new HttpEntity<>(body, headers),
                new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                });
    }

    private static void ok(ResponseEntity<Map<String, Object>> answer) {
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s", answer.getBody()).isTrue();
    }
}
