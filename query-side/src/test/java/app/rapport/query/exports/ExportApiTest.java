package app.rapport.query.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.events.contact.ContactDetailsChanged;
import app.rapport.query.Journal;
import app.rapport.query.QueryIntegrationTest;
import app.rapport.values.Channel;
import app.rapport.values.ContactDetails;
import app.rapport.values.ContactSource;
import app.rapport.values.ContactTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The exports over HTTP against PostgreSQL: what each format holds, read back by the library that
 * reads it (Commons CSV, ez-vcard, Jackson), whose journal it is, and who gets nothing. The caller
 * is {@code demo}; a mentee who granted demo access gives each test a journal of its own.
 */
class ExportApiTest extends QueryIntegrationTest {

    static final String CALLER = "demo";
    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();
    /** Reads a payload back as its event. */
    static final ObjectMapper EVENTS = new ObjectMapper().registerModule(new JavaTimeModule());

    Journal mentee() {
        Journal journal = journal();
        journal.grant(CALLER, T0);
        return journal;
    }

    /** A contact with every field of the template filled, in the ways real ones are. */
    Journal.ContactStream described(Journal journal, String name, ContactDetails details, ContactSource source,
                                    Instant at) {
        var contact = journal.contact(name, null, null, source, null, at);
        contact.append(new ContactDetailsChanged(contact.id, journal.owner(), details, at.plusSeconds(60)),
                at.plusSeconds(60));
        return contact;
    }

    ResponseEntity<String> get(String uri) {
        return http.getForEntity(uri, String.class);
    }

    String body(ResponseEntity<String> answer, MediaType type, String fileName) {
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(type);
        assertThat(answer.getHeaders().getContentDisposition().isAttachment()).isTrue();
        if (fileName != null) {
            assertThat(answer.getHeaders().getContentDisposition().getFilename()).isEqualTo(fileName);
        }
        return answer.getBody();
    }

    // --- contacts.csv

    @Test
    void contactsCsv_hasTheTemplatesColumnsThenIdStageAndLastTouch_andEveryValueReadsBack() throws Exception {
        Journal mentee = mentee();
        var maya = described(mentee, "Maya Chen", new ContactDetails("Maya Chen", "City Archives, Records Dept.",
                "Archivist", "archives", Channel.VIDEO, "Café \"Nord\"", "maya@example.org", "+1 555 0100",
                "Met at the fair.\nLikes maps, old ones.", "https://www.linkedin.com/in/maya-chen"),
                ContactSource.EVENT, T0);
        maya.request(Channel.EMAIL, 30, "archives work", T0.plus(Duration.ofDays(1)));
        var li = described(mentee, "李小龍", new ContactDetails("李小龍", null, null, null, null, null, null, null, null,
                null), ContactSource.SOCIAL, T0.plus(Duration.ofDays(2)));
        li.archive(T0.plus(Duration.ofDays(3)));
        awaitProjections();

        String csv = body(get("/api/exports/contacts.csv?owner=" + mentee.owner()),
                new MediaType("text", "csv", StandardCharsets.UTF_8), "rapport-" + mentee.owner() + "-contacts-2026-03-10.csv");
        List<CSVRecord> rows;
        List<String> header;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv))) {
            header = parser.getHeaderNames();
            rows = parser.getRecords();
        }

        List<String> expectedHeader = new ArrayList<>(ContactTemplate.COLUMNS);
        expectedHeader.addAll(List.of("contactId", "stage", "lastTouchAt"));
        assertThat(header).containsExactlyElementsOf(expectedHeader);
        assertThat(csv).startsWith(String.join(",", expectedHeader) + "\r\n");
        assertThat(rows).hasSize(2);
        CSVRecord first = rows.get(0);
        assertThat(first.toMap()).containsEntry("name", "Maya Chen")
                .containsEntry("organization", "City Archives, Records Dept.")
                .containsEntry("role", "Archivist").containsEntry("specialization", "archives")
                .containsEntry("source", "EVENT").containsEntry("preferredChannel", "VIDEO")
                .containsEntry("preferredLocation", "Café \"Nord\"").containsEntry("email", "maya@example.org")
                .containsEntry("phone", "+1 555 0100").containsEntry("notes", "Met at the fair.\nLikes maps, old ones.")
                .containsEntry("profileUrl", "https://www.linkedin.com/in/maya-chen")
                .containsEntry("at", T0.toString()).containsEntry("contactId", maya.id.toString())
                .containsEntry("stage", "REQUESTED").containsEntry("lastTouchAt", T0.plus(Duration.ofDays(1)).toString());
        CSVRecord second = rows.get(1);
        assertThat(second.get("name")).isEqualTo("李小龍");
        assertThat(second.get("stage")).isEqualTo("ARCHIVED");
        assertThat(second.get("organization")).isEmpty();
        assertThat(second.get("lastTouchAt")).isEmpty();
    }

    @Test
    void contactsCsv_ofAJournalWithoutContacts_isTheHeaderAlone() {
        String csv = body(get("/api/exports/contacts.csv?owner=" + mentee().owner()),
                new MediaType("text", "csv", StandardCharsets.UTF_8), null);

        assertThat(csv.split("\r\n")).hasSize(1);
    }

    // --- contacts.vcf

    @Test
    void contactsVcf_isOneVCard4PerContact_thatAVCardParserReadsBack() {
        Journal mentee = mentee();
        var maya = described(mentee, "Maya Chen", new ContactDetails("Maya Chen", "City Archives", "Archivist",
                "archives", Channel.EMAIL, "Reading room", "maya@example.org", "+1 555 0100",
                "Met at the fair; likes maps, old ones.", "https://www.linkedin.com/in/maya-chen"),
                ContactSource.EVENT, T0);
        var zoe = described(mentee, "Zoë Ødegård", new ContactDetails("Zoë Ødegård", null, null, null, null, null,
                null, null, null, null), ContactSource.COLD, T0);
        long position = zoe.position();

        String text = body(get("/api/exports/contacts.vcf?owner=" + mentee.owner() + "&consistentWith=" + position),
                new MediaType("text", "vcard", StandardCharsets.UTF_8),
                "rapport-" + mentee.owner() + "-contacts-2026-03-10.vcf");
        List<VCard> cards = Ezvcard.parse(text).all();

        assertThat(cards).hasSize(2);
        VCard card = cards.get(0);
        assertThat(card.getVersion()).isEqualTo(VCardVersion.V4_0);
        assertThat(card.validate(VCardVersion.V4_0).isEmpty()).as(card.validate(VCardVersion.V4_0).toString()).isTrue();
        assertThat(card.getFormattedName().getValue()).isEqualTo("Maya Chen");
        assertThat(card.getUid().getValue()).isEqualTo("urn:uuid:" + maya.id);
        assertThat(card.getOrganization().getValues()).containsExactly("City Archives");
        assertThat(card.getTitles().get(0).getValue()).isEqualTo("Archivist");
        assertThat(card.getEmails().get(0).getValue()).isEqualTo("maya@example.org");
        assertThat(card.getTelephoneNumbers().get(0).getText()).isEqualTo("+1 555 0100");
        assertThat(card.getNotes().get(0).getValue()).isEqualTo("Met at the fair; likes maps, old ones.");
        assertThat(card.getUrls().get(0).getValue()).isEqualTo("https://www.linkedin.com/in/maya-chen");
        assertThat(card.getExtendedProperty("X-RAPPORT-SOURCE").getValue()).isEqualTo("EVENT");
        assertThat(card.getExtendedProperty("X-RAPPORT-SPECIALIZATION").getValue()).isEqualTo("archives");
        assertThat(card.getExtendedProperty("X-RAPPORT-PREFERRED-CHANNEL").getValue()).isEqualTo("EMAIL");
        assertThat(card.getExtendedProperty("X-RAPPORT-AT").getValue()).isEqualTo(T0.toString());
        assertThat(cards.get(1).getFormattedName().getValue()).isEqualTo("Zoë Ødegård");
        assertThat(cards.get(1).getEmails()).isEmpty();
    }

    // --- events.jsonl

    /**
     * Each line's payload is the event as the event store reads it (personal data decrypted), not
     * the stored bytes, which hold it encrypted; the metadata is copied as stored.
     */
    @Test
    void eventsJsonl_isTheJournalAsRecorded_oneObjectPerLine_oldestFirst() throws Exception {
        Journal mentee = mentee();
        var maya = mentee.contact("Maya Chen", T0);
        UUID interview = maya.request(Channel.EMAIL, 30, "archives work", T0.plusSeconds(60));
        maya.accept(interview, T0.plusSeconds(120));
        mentee.contact("Omar Haddad", T0.plusSeconds(180));
        awaitProjections();

        String text = body(get("/api/exports/events.jsonl?owner=" + mentee.owner()),
                new MediaType("application", "x-ndjson"), "rapport-" + mentee.owner() + "-events-2026-03-10.jsonl");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                lines.add(JSON.readTree(line));
            }
        }

        assertThat(text).endsWith("\n").doesNotContain("\r");
        assertThat(lines).extracting(line -> line.get("type").asText().replaceAll("^.*\\.", "")).containsExactly(
                "MentorAccessGranted", "ContactAdded", "InterviewRequested", "InterviewAccepted", "ContactAdded");
        List<Long> positions = lines.stream().map(line -> line.get("position").asLong()).toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        for (JsonNode line : lines) {
            assertThat(fieldNames(line)).containsExactly("position", "eventId", "type", "aggregateId", "sequence",
                    "recordedAt", "payload", "metadata");
            Map<String, Object> stored = jdbc.queryForMap("""
                    SELECT global_index, aggregate_identifier, sequence_number, payload_type, time_stamp,
                           convert_from(meta_data, 'UTF8') AS metadata
                    FROM domain_event_entry WHERE event_identifier = ?""", line.get("eventId").asText());
            assertThat(line.get("position").asLong()).isEqualTo(stored.get("global_index"));
            assertThat(line.get("aggregateId").asText()).isEqualTo(stored.get("aggregate_identifier"));
            assertThat(line.get("sequence").asLong()).isEqualTo(stored.get("sequence_number"));
            assertThat(line.get("type").asText()).isEqualTo(stored.get("payload_type"));
            assertThat(line.get("recordedAt").asText()).isEqualTo(stored.get("time_stamp"));
            Object event = eventStore.readEvents(line.get("aggregateId").asText(), 0).asStream()
                    .filter(message -> message.getIdentifier().equals(line.get("eventId").asText()))
                    .findFirst().orElseThrow().getPayload();
            assertThat(EVENTS.treeToValue(line.get("payload"), event.getClass())).isEqualTo(event);
            assertThat(line.get("metadata")).isEqualTo(JSON.readTree((String) stored.get("metadata")));
            assertThat(line.get("metadata").get("actor").asText()).isEqualTo(mentee.owner());
        }
        assertThat(lines.get(1).get("aggregateId").asText()).isEqualTo(maya.id.toString());
        assertThat(lines.get(1).get("payload").get("details").get("name").asText()).isEqualTo("Maya Chen");
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry"
                + " WHERE event_identifier = ?", String.class, lines.get(1).get("eventId").asText()))
                .as("stored encrypted").doesNotContain("Maya Chen");
        assertThat(lines.get(3).get("sequence").asLong()).isEqualTo(2);
    }

    // --- whose journal

    @Test
    void everyExport_isTheCallersOwnJournal_withNothingOfAnotherUsers() {
        Journal stranger = journal();
        var strangers = stranger.contact("Stranger Danger", T0);
        strangers.request(Channel.EMAIL, 30, "secrets", T0.plusSeconds(60));
        Journal mentee = mentee();
        var menteeContact = mentee.contact("Mentee's Contact", T0);
        awaitProjections();

        for (String export : List.of("contacts.csv", "contacts.vcf", "events.jsonl")) {
            ResponseEntity<String> own = get("/api/exports/" + export);
            assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
            // the caller's own journal may be empty, and an empty address book is an empty file
            assertThat(String.valueOf(own.getBody())).as(export).doesNotContain("Stranger Danger", strangers.id.toString(),
                    stranger.owner(), "Mentee's Contact", menteeContact.id.toString());
            ResponseEntity<String> mentees = get("/api/exports/" + export + "?owner=" + mentee.owner());
            assertThat(mentees.getBody()).as(export).contains(menteeContact.id.toString())
                    .doesNotContain("Stranger Danger", strangers.id.toString(), stranger.owner());
        }
    }

    @Test
    void aMentorWithoutAGrant_getsNothingFromAnyExport_andNeitherOnceTheGrantIsRevoked() {
        Journal stranger = journal();
        stranger.contact("Maya Chen", T0);
        Journal formerMentee = mentee();
        formerMentee.contact("Omar Haddad", T0);
        formerMentee.revoke(CALLER, T0.plusSeconds(60));
        awaitProjections();

        for (String export : List.of("contacts.csv", "contacts.vcf", "events.jsonl")) {
            for (Journal journal : List.of(stranger, formerMentee)) {
                ResponseEntity<String> answer = get("/api/exports/" + export + "?owner=" + journal.owner());
                assertThat(answer.getStatusCode()).as(export).isEqualTo(HttpStatus.NOT_FOUND);
                assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(answer.getHeaders().get(HttpHeaders.CONTENT_DISPOSITION)).isNull();
                assertThat(answer.getBody()).doesNotContain("Maya Chen", "Omar Haddad");
            }
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
