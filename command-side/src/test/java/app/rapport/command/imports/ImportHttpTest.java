package app.rapport.command.imports;

import static app.rapport.command.imports.ImportApi.errorsOf;
import static app.rapport.command.imports.ImportApi.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.testsupport.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
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

    StoredEvents events;

    @BeforeEach
    void store() {
        events = new StoredEvents(jdbc);
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
        List<Map<String, Object>> added = events.contactsAddedBy(owner);
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
        List<Map<String, Object>> added = events.contactsAddedBy(owner);
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
        String owner = "vcard3." + UUID.randomUUID();
        ResponseEntity<Map<String, Object>> answer = importAsDemoOwner(owner, "vcard", "apple-contacts.vcf");

        assertThat(answer.getBody()).containsEntry("rows", 3).containsEntry("created", 3);
        List<Map<String, Object>> added = events.contactsAddedBy(TestUsers.DEMO).stream()
                .filter(event -> answer.getBody().get("importId").equals(((Map<?, ?>) event.get("provenance")).get("importId")))
                .toList();
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
        List<Map<String, Object>> added = events.contactsAddedBy(owner);
        assertThat(added).extracting(event -> event.get("contactId"))
                .containsExactly("5c0f2d4e-7b7a-4c45-9a3b-3c8f3d3b9f01", "0d7c2a58-1f5e-4d2f-8c44-2b0c8a6e2e02");
        assertThat(details(added.get(0))).containsEntry("name", "Mariam Haddad")
                .containsEntry("email", "mariam.haddad@example.qa").containsEntry("phone", "+974-5555-0101")
                .containsEntry("role", "Conservator").containsEntry("organization", "Museum of Islamic Art")
                .containsEntry("profileUrl", "https://mia.example.qa/staff/haddad")
                .containsEntry("notes", "Talked about conservation programmes.\n\nKnows the head of the textiles lab.");
    }

    private ResponseEntity<Map<String, Object>> importAsDemoOwner(String unused, String format, String fixture) {
        ResponseEntity<Map<String, Object>> answer = as(TestUsers.DEMO).importFile(format, fixture);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.CREATED);
        return answer;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> details(Map<String, Object> contactAdded) {
        return (Map<String, Object>) contactAdded.get("details");
    }
}
