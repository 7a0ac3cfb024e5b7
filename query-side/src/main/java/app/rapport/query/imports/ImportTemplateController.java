package app.rapport.query.imports;

import java.nio.charset.StandardCharsets;

import app.rapport.platform.openapi.ApiTags;
import app.rapport.query.mentors.MenteeAccess;
import app.rapport.values.ContactTemplate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/imports/template.csv}: the contact spreadsheet's header row, to fill in and send
 * to {@code POST /api/imports?format=csv} on the command side. A read, so the query side serves it
 * (the split deployment sends every GET there). It holds no one's data, but {@code owner=} is
 * answered as on every read — a journal not shared with the caller is 404 — so no read tells
 * whether a journal exists. The columns are {@link ContactTemplate#COLUMNS}, plain words that a
 * CSV header needs no quotes for.
 */
@Tag(name = ApiTags.IMPORTS)
@RestController
class ImportTemplateController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final MenteeAccess access;

    ImportTemplateController(MenteeAccess access) {
        this.access = access;
    }

    @Operation(operationId = "findImportTemplate", summary = "Download the CSV import template",
            description = "A header row of the contact fields an import of format csv reads.")
    @ApiResponse(responseCode = "200", description = "The template.",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @GetMapping("/api/imports/template.csv")
    ResponseEntity<byte[]> template(@RequestParam(required = false) String owner) {
        access.ownerToRead(owner);
        byte[] header = (String.join(",", ContactTemplate.COLUMNS) + "\r\n").getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("rapport-contacts.csv").build().toString())
                .body(header);
    }
}
