package app.rapport.command.imports;

import static app.rapport.command.imports.ImportApi.errorsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.testsupport.TestUsers;
import app.rapport.values.ContactTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Importing people over HTTP, end to end against PostgreSQL: each format with the quirks of real
 * files, a dry run, a repeat, matching, all or nothing, the limits and who may import. Each test
 * imports as a user of its own where the journal must start empty.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportHttpTest {

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

    ImportApi as(String user) {
        return new ImportApi(http.withBasicAuth(user, TestUsers.passwordOf(user)));
    }

    @Test
    void linkedInConnections_areImported_withEveryQuirkOfTheExport() {
        String owner = TestUsers.ALICE;
        ResponseEntity<Map<String, Object>> answer = as(owner).importFile("linkedin", "linkedin-connections.csv");

        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getBody()).containsEntry("format", "linkedin").containsEntry("rows", 7)
                .containsEntry("created", 7).containsEntry("unchanged", 0).containsEntry("skipped", 0)
                .containsEntry("errors", List.of()).containsEntry("dryRun", false);
        List<Map<String, Object>> added = addedBy(answer);
        assertThat(added).extracting(event -> details(event).get("name")).containsExactly("Ada Lovelace",
                "Grace Hopper", "小龙 李", "Zoë Ødegård", "Фёдор Достоевский", "محمد العلي", "José García-Márquez");
        Map<String, Object> ada = added.get(0);
        assertThat(ada).containsEntry("source", "SOCIAL").containsEntry("at", "2024-03-15T00:00:00Z");
        assertThat(details(ada)).containsEntry("organization", "Analytical Engines, Ltd.")
                .containsEntry("role", "Archivist").containsEntry("email", "ada.lovelace@example.org")
                .containsEntry("profileUrl", "https://www.linkedin.com/in/ada-lovelace");
        assertThat(ada.get("provenance")).isEqualTo(Map.of("importId", answer.getBody().get("importId"),
                "format", "linkedin", "row", 1));
        assertThat((String) details(added.get(1)).get("role")).startsWith("Rear Admiral").endsWith("(retired)");
        assertThat(details(added.get(1))).containsEntry("email", null);
        assertThat(details(added.get(3))).containsEntry("organization", "Norsk \"Arkiv\" AS");
        assertThat(added.get(6)).containsEntry("at", "2018-02-28T00:00:00Z");
        long position = ((Number) answer.getBody().get("position")).longValue();
        assertThat(position).isEqualTo(events.lastPosition());
    }

    @Test
    void aCareerCentreSpreadsheet_isReadByItsOwnHeaders_andItsEmptyRowSkipped() {
        String owner = TestUsers.BOB;
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ResponseEntity<Map<String, Object>> answer = as(owner).importFile("csv", "career-centre.csv");

        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getBody()).containsEntry("rows", 5).containsEntry("created", 4).containsEntry("skipped", 1)
                .containsEntry("ignoredColumns", List.of("Thank-you sent?", "Follow-up date"));
        List<Map<String, Object>> added = addedBy(answer);
        assertThat(added).extracting(event -> details(event).get("name"))
                .containsExactly("Dr. Amara Okafor", "Tomás Reyes", "Priya Natarajan", "Kenji Watanabe");
        Map<String, Object> amara = added.get(0);
        assertThat(amara).containsEntry("source", "EVENT").containsEntry("at", "2024-02-20T00:00:00Z");
        assertThat(details(amara)).containsEntry("organization", "City Hospital").containsEntry("role", "Chief Resident")
                .containsEntry("specialization", "Emergency medicine").containsEntry("preferredChannel", "IN_PERSON")
                .containsEntry("preferredLocation", "Cafeteria, 2nd floor").containsEntry("phone", "+1 555 0100");
        assertThat((String) details(amara).get("notes")).contains("careers fair.").contains("Prefers mornings.");
        assertThat(added.get(1)).containsEntry("source", "REFERRAL").containsEntry("at", "2024-01-15T00:00:00Z");
        assertThat(details(added.get(1))).containsEntry("organization", "Reyes, Ortiz & Partners");
        assertThat(added.get(2)).containsEntry("source", "COLD").containsEntry("at", "2023-11-05T14:30:00Z");
        assertThat(details(added.get(2))).containsEntry("email", "PRIYA@EXAMPLE.EDU")
                .containsEntry("preferredChannel", "VIDEO");
        Map<String, Object> kenji = added.get(3);
        assertThat(kenji).containsEntry("source", "SOCIAL");
        assertThat(details(kenji)).containsEntry("preferredChannel", "SOCIAL_MESSAGE");
        assertThat(Instant.parse((String) kenji.get("at"))).isAfterOrEqualTo(before);
        assertThat(added).extracting(event -> (Object) ((Map<?, ?>) event.get("provenance")).get("row"))
                .containsExactly(1, 2, 4, 5);
    }

    @Test
    void vCards_fromAppleContacts_inVersion3_areImported() {
        ResponseEntity<Map<String, Object>> answer = as(TestUsers.DEMO).importFile("vcard", "apple-contacts.vcf");

        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getBody()).containsEntry("rows", 3).containsEntry("created", 3);
        List<Map<String, Object>> added = addedBy(answer);
        assertThat(added).extracting(event -> details(event).get("name"))
                .containsExactly("Ada Lovelace", "Grace Hopper", "山田 太郎");
        Map<String, Object> ada = details(added.get(0));
        assertThat(ada).containsEntry("organization", "Analytical Engines, Archives").containsEntry("role", "Archivist")
                .containsEntry("email", "ADA.LOVELACE@EXAMPLE.ORG").containsEntry("phone", "+44 20 7946 0000")
                .containsEntry("profileUrl", "https://www.linkedin.com/in/ada-lovelace/")
                .containsEntry("notes", "Met at the archives open day, asked about digitisation.\nSend the article on punched cards.");
        assertThat(details(added.get(1))).containsEntry("organization", "US Navy")
                .containsEntry("email", "grace@example.mil");
        assertThat(added.get(2)).containsEntry("source", "OTHER");
        assertThat(details(added.get(2))).containsEntry("role", "エンジニア");
    }

    @Test
    void vCards_fromThunderbird_inVersion4_keepTheirUids() {
        String owner = TestUsers.MENTOR;
        ResponseEntity<Map<String, Object>> answer = as(owner).importFile("vcard", "thunderbird-contacts.vcf");

        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getBody()).containsEntry("rows", 2).containsEntry("created", 2);
        List<Map<String, Object>> added = addedBy(answer);
        assertThat(added).extracting(event -> event.get("contactId"))
                .containsExactly("5c0f2d4e-7b7a-4c45-9a3b-3c8f3d3b9f01", "0d7c2a58-1f5e-4d2f-8c44-2b0c8a6e2e02");
        assertThat(details(added.get(0))).containsEntry("name", "Mariam Haddad")
                .containsEntry("email", "mariam.haddad@example.qa").containsEntry("phone", "+974-5555-0101")
                .containsEntry("role", "Conservator").containsEntry("organization", "Museum of Islamic Art")
                .containsEntry("profileUrl", "https://mia.example.qa/staff/haddad")
                .containsEntry("notes", "Talked about conservation programmes.\n\nKnows the head of the textiles lab.");
    }

    @Test
    void aDryRun_answersWhatTheImportWouldDo_andStoresNothing() {
        ImportApi alice = as(TestUsers.ALICE);
        byte[] file = spreadsheet(3);
        long stored = events.count();

        ResponseEntity<Map<String, Object>> tried = alice.importBytes("csv", file, true);
        ResponseEntity<Map<String, Object>> triedAgain = alice.importBytes("csv", file, true);

        assertThat(tried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tried.getBody()).containsEntry("created", 3).containsEntry("dryRun", true);
        assertThat(triedAgain.getBody()).isEqualTo(tried.getBody());
        assertThat(events.count()).isEqualTo(stored);
        ResponseEntity<Map<String, Object>> imported = alice.importBytes("csv", file, false);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(imported.getBody()).containsEntry("importId", tried.getBody().get("importId"))
                .containsEntry("rows", 3).containsEntry("created", 3).containsEntry("unchanged", 0)
                .containsEntry("dryRun", false);
        assertThat(events.count()).isEqualTo(stored + 3);
    }

    @Test
    void theSameFileAgain_createsNothing_andAnswersTheSameImport() {
        ImportApi bob = as(TestUsers.BOB);
        byte[] file = spreadsheet(4);
        ResponseEntity<Map<String, Object>> first = bob.importBytes("csv", file, false);
        long stored = events.count();

        ResponseEntity<Map<String, Object>> again = bob.importBytes("csv", file, false);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("importId", first.getBody().get("importId"))
                .containsEntry("created", 0).containsEntry("unchanged", 4);
        assertThat(((Number) again.getBody().get("position")).longValue())
                .isEqualTo(((Number) first.getBody().get("position")).longValue());
        assertThat(events.count()).isEqualTo(stored);
    }

    @Test
    void aPersonAlreadyInTheJournal_byEmailOrProfileUrl_isUnchanged_neverADuplicate() {
        ImportApi demo = as(TestUsers.DEMO);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        assertThat(demo.postJson("/api/contacts", """
                {"name":"Known By Mail","source":"COLD","email":"Known.%s@Example.org"}""".formatted(tag))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(demo.postJson("/api/contacts", """
                {"name":"Known By Profile","source":"SOCIAL","profileUrl":"http://uk.linkedin.com/in/Known-%s"}"""
                .formatted(tag)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String file = """
                First Name,Last Name,URL,Email Address,Company,Position,Connected On
                Known,By Mail,https://www.linkedin.com/in/mail-%1$s,known.%1$s@example.org,,,1 Mar 2024
                Known,By Profile,https://www.linkedin.com/in/known-%1$s/,,,,1 Mar 2024
                Someone,New,https://www.linkedin.com/in/new-%1$s,,,,1 Mar 2024
                Someone,New Twice,https://www.linkedin.com/in/new-%1$s?trk=people,,,,1 Mar 2024
                """.formatted(tag);

        ResponseEntity<Map<String, Object>> answer = demo.importBytes("linkedin", file.getBytes(StandardCharsets.UTF_8),
                false);

        assertThat(answer.getBody()).containsEntry("rows", 4).containsEntry("created", 1).containsEntry("unchanged", 3);
    }

    @Test
    void anotherUsersContacts_areNeverMatched() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        assertThat(as(TestUsers.BOB).postJson("/api/contacts", """
                {"name":"Bob's Contact","source":"COLD","email":"shared.%s@example.org"}""".formatted(tag))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        byte[] file = "name,email\nAlice's Contact,shared.%s@example.org\n".formatted(tag).getBytes(StandardCharsets.UTF_8);

        ResponseEntity<Map<String, Object>> answer = as(TestUsers.ALICE).importBytes("csv", file, false);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getBody()).containsEntry("created", 1).containsEntry("unchanged", 0);
    }

    @Test
    void anExportedSpreadsheet_importsBackUnchanged_byItsContactIds() {
        ImportApi carol = as(TestUsers.CAROL);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        for (UUID id : List.of(first, second)) {
            assertThat(carol.postJson("/api/contacts", "{\"contactId\":\"%s\",\"name\":\"Exported %s\",\"source\":\"EVENT\"}"
                    .formatted(id, id)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        String header = String.join(",", ContactTemplate.COLUMNS) + ",contactId,stage,lastTouchAt";
        String file = header + "\r\n"
                + "Exported %s,,,,EVENT,,,,,,,2024-01-01T00:00:00Z,%s,REQUESTED,2024-02-01T00:00:00Z\r\n".formatted(first, first)
                + "Exported %s,,,,EVENT,,,,,,,2024-01-01T00:00:00Z,%s,NEW,\r\n".formatted(second, second);
        long stored = events.count();

        ResponseEntity<Map<String, Object>> answer = carol.importBytes("csv", file.getBytes(StandardCharsets.UTF_8), false);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).containsEntry("unchanged", 2).containsEntry("created", 0)
                .doesNotContainKey("ignoredColumns");
        assertThat(events.count()).isEqualTo(stored);
    }

    @Test
    void aFileWithBadRows_isRefusedWithEveryBadRowListed_andStoresNothing() {
        long stored = events.count();
        long last = events.lastPosition();

        ResponseEntity<Map<String, Object>> answer = as(TestUsers.ALICE).importFile("csv", "bad-rows.csv");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody()).containsEntry("type", "/problems/import-rejected");
        assertThat(errorsOf(answer)).extracting(error -> error.get("row") + " " + error.get("field"))
                .containsExactly("2 name", "3 source", "4 preferredChannel", "4 email", "5 at", "6 phone", "7 at",
                        "8 contactId");
        assertThat(events.count()).isEqualTo(stored);
        assertNoGapAfter(last);
    }

    @Test
    void eachKindOfMalformedFile_isRefusedAsAWhole() {
        ImportApi alice = as(TestUsers.ALICE);
        long stored = events.count();
        Map<String, String> files = Map.of(
                "bad-unbalanced-quote.csv", "csv",
                "bad-not-utf8.csv", "csv",
                "bad-no-name-column.csv", "csv",
                "bad-linkedin-no-header.csv", "linkedin",
                "linkedin-connections.csv", "csv",
                "bad-truncated.vcf", "vcard",
                "bad-not-vcard.vcf", "vcard");

        files.forEach((fixture, format) -> {
            ResponseEntity<Map<String, Object>> answer = alice.importFile(format, fixture);
            assertThat(answer.getStatusCode()).as("%s as %s: %s", fixture, format, answer.getBody())
                    .isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(errorsOf(answer)).as(fixture).hasSize(1);
            assertThat(errorsOf(answer).get(0)).as(fixture).containsEntry("row", 0);
        });
        ResponseEntity<Map<String, Object>> cards = alice.importFile("vcard", "bad-cards.vcf");
        assertThat(errorsOf(cards)).extracting(error -> error.get("row") + " " + error.get("field"))
                .containsExactly("2 name", "3 EMAIL");
        assertThat(events.count()).isEqualTo(stored);
    }

    @Test
    void anUnknownFormat_orAnEmptyFile_isRefused() {
        ResponseEntity<Map<String, Object>> unknown = as(TestUsers.ALICE).importBytes("xlsx", spreadsheet(1), false);
        ResponseEntity<Map<String, Object>> empty = as(TestUsers.ALICE).importBytes("csv", new byte[0], false);

        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errorsOf(unknown).get(0)).containsEntry("field", "format");
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aFileOverTheLimits_isTooLarge() {
        StringBuilder rows = new StringBuilder("name\n");
        for (int i = 0; i <= ImportLimits.MAX_ROWS; i++) {
            rows.append("P").append(i).append('\n');
        }
        byte[] tooManyRows = rows.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tooManyBytes = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(tooManyBytes, (byte) 'a');
        long stored = events.count();

        ResponseEntity<Map<String, Object>> rowsAnswer = as(TestUsers.ALICE).importBytes("csv", tooManyRows, false);
        ResponseEntity<Map<String, Object>> bytesAnswer = as(TestUsers.ALICE).importBytes("csv", tooManyBytes, false);

        assertThat(rowsAnswer.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(rowsAnswer.getBody()).containsEntry("type", "/problems/import-too-large");
        assertThat(bytesAnswer.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(bytesAnswer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(events.count()).isEqualTo(stored);
    }

    @Test
    void aFileAsAMultipartField_isImportedLikeABody() {
        byte[] file = spreadsheet(2);

        ResponseEntity<Map<String, Object>> answer = as(TestUsers.DEMO).importPart("csv", "contacts.csv", file);

        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getBody()).containsEntry("created", 2);
    }

    @Test
    void aMentor_neverImportsIntoAMenteesJournal() {
        long stored = events.count();

        ResponseEntity<Map<String, Object>> answer = as(TestUsers.MENTOR).importBytes(
                "/api/imports?format=csv&owner=" + TestUsers.ALICE, spreadsheet(1), MediaType.parseMediaType("text/csv"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(events.count()).isEqualTo(stored);
    }

    @Test
    void aDryRun_leavesNoContactInTheCache() {
        UUID contact = UUID.randomUUID();
        String row = "name,source,contactId\nCached Maybe,COLD,%s\n".formatted(contact);
        ImportApi alice = as(TestUsers.ALICE);
        assertThat(alice.importBytes("csv", row.getBytes(StandardCharsets.UTF_8), true).getBody())
                .containsEntry("created", 1);

        ResponseEntity<Map<String, Object>> added = alice.postJson("/api/contacts",
                "{\"contactId\":\"%s\",\"name\":\"Cached Maybe\",\"source\":\"COLD\"}".formatted(contact));

        assertThat(added.getStatusCode()).as("%s", added.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(events.types(contact)).containsExactly("ContactAdded");
        assertThat(((Number) added.getBody().get("position")).longValue()).isPositive();
    }

    @Test
    void theTemplateFilledIn_isImported() {
        String header = String.join(",", ContactTemplate.COLUMNS) + "\r\n";
        String row = "From The Template,Archive,Archivist,Archives,COLD,EMAIL,Library,template@example.org,+1 555 0101,"
                + "\"notes, with a comma\",https://www.linkedin.com/in/from-template,2024-05-01\r\n";

        ResponseEntity<Map<String, Object>> filledIn = as(TestUsers.ALICE).importBytes("csv",
                (header + row).getBytes(StandardCharsets.UTF_8), true);

        assertThat(filledIn.getBody()).containsEntry("created", 1).doesNotContainKey("ignoredColumns");
    }

    /** A template spreadsheet of people no other test has. */
    static byte[] spreadsheet(int people) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder file = new StringBuilder("name,organization,email,source,at\r\n");
        for (int i = 1; i <= people; i++) {
            file.append("Person %d %s,Org %d,p%d.%s@example.org,EVENT,2024-04-0%dT09:00:00Z\r\n"
                    .formatted(i, tag, i, i, tag, i % 9 + 1));
        }
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Nothing was inserted and rolled back: the next event takes the next index. */
    private void assertNoGapAfter(long last) {
        ResponseEntity<Map<String, Object>> added = as(TestUsers.ALICE).postJson("/api/contacts",
                "{\"name\":\"After A Refusal\",\"source\":\"COLD\"}");
        assertThat(((Number) added.getBody().get("position")).longValue()).isEqualTo(last + 1);
    }

    /** The ContactAdded events an import stored, in the order of its rows. */
    private List<Map<String, Object>> addedBy(ResponseEntity<Map<String, Object>> answer) {
        Object importId = answer.getBody().get("importId");
        return events.contactsAdded().stream()
                .filter(event -> event.get("provenance") instanceof Map<?, ?> provenance
                        && importId.equals(provenance.get("importId")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> details(Map<String, Object> contactAdded) {
        return (Map<String, Object>) contactAdded.get("details");
    }
}
