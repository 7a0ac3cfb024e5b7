package app.rapport.query.exports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import app.rapport.platform.openapi.ApiTags;
import app.rapport.query.mentors.MenteeAccess;
import app.rapport.query.support.ConsistencyGate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The journal taken out: the contacts as a spreadsheet or an address book, and every event as
 * recorded. Like every query, {@code owner=} reads a mentee's journal while their grant stands
 * (anything else is 404 before a byte is written) and {@code consistentWith} waits for the read
 * model behind the export.
 *
 * <p>Each answer is written to the response while it is read, on the request's own thread: a
 * {@code StreamingResponseBody} would run under the servlet container's asynchronous request
 * timeout (30 s by default on Tomcat), which a large journal outlasts.
 */
@Tag(name = ApiTags.EXPORTS)
@RestController
class ExportsController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType TEXT_VCARD = new MediaType("text", "vcard", StandardCharsets.UTF_8);
    static final MediaType NDJSON = new MediaType("application", "x-ndjson");
    /** The processing groups of the read models the exports read: the contact list, and the audit's index of events. */
    static final String CONTACTS = "contacts";
    static final String AUDIT = "audit";

    private final ContactExport contacts;
    private final JournalExport journal;
    private final MenteeAccess access;
    private final ConsistencyGate consistency;
    private final Clock clock;

    ExportsController(ContactExport contacts, JournalExport journal, MenteeAccess access, ConsistencyGate consistency,
                      Clock clock) {
        this.contacts = contacts;
        this.journal = journal;
        this.access = access;
        this.consistency = consistency;
        this.clock = clock;
    }

    @Operation(operationId = "exportContactsCsv", summary = "Export your contacts as CSV",
            description = "One row per contact: the import template's columns plus contactId, stage and "
                    + "lastTouchAt, streamed.")
    @ApiResponse(responseCode = "200", description = "The contacts, as an attachment.",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @GetMapping("/api/exports/contacts.csv")
    void contactsCsv(@RequestParam(required = false) String owner,
                     @RequestParam(required = false) Long consistentWith,
                     HttpServletResponse response) throws IOException {
        consistency.awaitProcessed(consistentWith, CONTACTS);
        String ownerId = access.ownerToRead(owner);
        begin(response, TEXT_CSV, fileName(ownerId, "contacts", "csv"));
        try (ContactsCsv csv = new ContactsCsv(response.getOutputStream())) {
            contacts.forEach(ownerId, csv::write);
        }
    }

    @Operation(operationId = "exportContactsVcard", summary = "Export your contacts as vCards",
            description = "Every contact as a vCard 4.0, streamed.")
    @ApiResponse(responseCode = "200", description = "The contacts, as an attachment.",
            content = @Content(mediaType = "text/vcard", schema = @Schema(type = "string")))
    @GetMapping("/api/exports/contacts.vcf")
    void contactsVcard(@RequestParam(required = false) String owner,
                       @RequestParam(required = false) Long consistentWith,
                       HttpServletResponse response) throws IOException {
        consistency.awaitProcessed(consistentWith, CONTACTS);
        String ownerId = access.ownerToRead(owner);
        begin(response, TEXT_VCARD, fileName(ownerId, "contacts", "vcf"));
        try (ContactsVcard vcards = new ContactsVcard(response.getOutputStream())) {
            contacts.forEach(ownerId, vcards::write);
        }
    }

    @Operation(operationId = "exportEvents", summary = "Export your journal as JSON Lines",
            description = "The journal as recorded, oldest first, one JSON object per line (position, eventId, "
                    + "type, aggregateId, sequence, recordedAt, payload, metadata); importing it "
                    + "(format=events) into an empty journal rebuilds the same contacts and timelines.")
    @ApiResponse(responseCode = "200", description = "The events, as an attachment.",
            content = @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string")))
    @GetMapping("/api/exports/events.jsonl")
    void events(@RequestParam(required = false) String owner,
                @RequestParam(required = false) Long consistentWith,
                HttpServletResponse response) throws IOException {
        consistency.awaitProcessed(consistentWith, AUDIT);
        String ownerId = access.ownerToRead(owner);
        begin(response, NDJSON, fileName(ownerId, "events", "jsonl"));
        journal.write(ownerId, response.getOutputStream());
        response.flushBuffer();
    }

    private static void begin(HttpServletResponse response, MediaType type, String fileName) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(type.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
    }

    /** Whose journal and of which day, so that a mentor's downloads of several mentees stay apart. */
    private String fileName(String ownerId, String what, String extension) {
        return "rapport-%s-%s-%s.%s".formatted(ownerId, what, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                extension);
    }
}
