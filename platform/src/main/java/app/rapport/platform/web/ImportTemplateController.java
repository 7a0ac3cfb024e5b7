package app.rapport.platform.web;

import java.nio.charset.StandardCharsets;

import app.rapport.values.ContactTemplate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/imports/template.csv}: the contact spreadsheet's header row, to fill in and send
 * to {@code POST /api/imports?format=csv}. Served by every app, since the split deployment sends
 * reads to the query sides while the import it is for is a command; it reads no journal, so it is
 * the same for everyone signed in, and {@code owner=} changes nothing. The columns are
 * {@link ContactTemplate#COLUMNS}, plain words a CSV header needs no quotes for.
 */
@RestController
class ImportTemplateController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    @GetMapping("/api/imports/template.csv")
    ResponseEntity<byte[]> template() {
        byte[] header = (String.join(",", ContactTemplate.COLUMNS) + "\r\n").getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("rapport-contacts.csv").build().toString())
                .body(header);
    }
}
