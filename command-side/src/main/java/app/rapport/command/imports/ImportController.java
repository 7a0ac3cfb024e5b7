package app.rapport.command.imports;

import java.io.IOException;
import java.util.List;

import app.rapport.command.dispatch.Acting;
import app.rapport.platform.PlatformProperties;
import app.rapport.platform.openapi.ApiTags;
import app.rapport.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * {@code POST /api/imports?format=&dryRun=}: a whole file, as the body ({@code text/csv},
 * {@code text/vcard}, {@code application/x-ndjson}, any type: the format says how to read it) or as
 * the multipart field {@code file}. 201 when contacts (or events) were created, 200 otherwise; 400
 * listing every bad row, with nothing stored; 413 past 10 MiB or 50 000 rows. Mentors never import
 * into a mentee's journal: {@code owner=} naming someone else is refused with 403, as for every write.
 */
@Tag(name = ApiTags.IMPORTS)
@RestController
@RequestMapping("/api/imports")
class ImportController {

    static final String FILE_PART = "file";

    private final Acting acting;
    private final PeopleImport people;
    private final JournalImport journal;
    private final long maxBytes;

    ImportController(Acting acting, PeopleImport people, JournalImport journal, PlatformProperties properties) {
        this.acting = acting;
        this.people = people;
        this.journal = journal;
        this.maxBytes = properties.http().maxFileSize().toBytes();
    }

    // One handler for both shapes, so that neither mapping is more specific than the other. The body is
    // read as it came, not through a message converter: a file of any type is the import's to read. A
    // form-encoded body is not a file: the servlet container would have read it as parameters.
    @Operation(operationId = "importFile", summary = "Import a network from a file",
            description = "The body is the file (text/csv, text/vcard or application/x-ndjson), or a multipart "
                    + "field file. An import is atomic: a file with a malformed row is 400 with every bad row "
                    + "listed, and stores nothing; importing the same file twice creates nothing the second "
                    + "time; dryRun answers the same and stores nothing. Up to 10 MiB and 50 000 rows (413 past "
                    + "either).")
    @ApiResponse(responseCode = "201", description = "Something was created.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportAnswer.class)))
    @ApiResponse(responseCode = "200", description = "Nothing was created: a dry run, or every row already known.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportAnswer.class)))
    @Parameter(name = "format",
            description = "csv (the template), linkedin (LinkedIn's Connections.csv), vcard, or events (a "
                    + "JSON Lines export of this API).")
    @Parameter(name = "dryRun", description = "true: answer what the import would do, and store nothing.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            description = "The file, as the body or as a multipart field named file.", content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"), examples = @ExampleObject(
                        value = "name,organization,source\r\nAda Lovelace,Analytical Engines,COLD\r\n")),
                @Content(mediaType = "text/vcard", schema = @Schema(type = "string"), examples = @ExampleObject(
                        value = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada Lovelace\r\nORG:Analytical Engines\r\n"
                                + "END:VCARD\r\n")),
                @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string")),
                @Content(mediaType = "multipart/form-data",
                        schema = @Schema(type = "object", requiredProperties = "file"),
                        schemaProperties = @SchemaProperty(name = "file",
                                schema = @Schema(type = "string", format = "binary")))})
    @PostMapping(consumes = "!" + MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<ImportAnswer> importFile(@RequestParam String format,
                                            @RequestParam(defaultValue = "false") boolean dryRun,
                                            HttpServletRequest request) throws IOException {
        return answer(run(format, dryRun, fileOf(request)));
    }

    private byte[] fileOf(HttpServletRequest request) throws IOException {
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart != null) {
            MultipartFile file = multipart.getFile(FILE_PART);
            if (file == null) {
                throw ImportRejected.ofFile(FILE_PART, "is missing: send the file as the multipart field 'file', "
                        + "or as the body itself");
            }
            if (file.getSize() > maxBytes) {
                throw tooLarge();
            }
            return file.getBytes();
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            throw tooLarge();
        }
        return body;
    }

    private ImportAnswer run(String format, boolean dryRun, byte[] bytes) {
        ImportFile file = new ImportFile(bytes, ImportFormat.named(format), acting.owner());
        if (bytes.length == 0) {
            throw ImportRejected.ofFile("file", "is empty");
        }
        return file.format() == ImportFormat.EVENTS ? journal.run(file, dryRun) : people.run(file, dryRun);
    }

    private static ResponseEntity<ImportAnswer> answer(ImportAnswer answer) {
        return ResponseEntity.status(answer.created() > 0 && !answer.dryRun() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(answer);
    }

    private ImportTooLarge tooLarge() {
        return new ImportTooLarge("The file is larger than " + maxBytes + " bytes (10 MiB); split it and import "
                + "the parts one after the other.");
    }

    @ExceptionHandler(ImportRejected.class)
    ResponseEntity<ProblemDetail> rejected(ImportRejected rejected) {
        List<RowError> errors = rejected.errors();
        long rows = errors.stream().mapToInt(RowError::row).filter(row -> row > 0).distinct().count();
        String detail = rows == 0 ? "The file cannot be read as its format says; nothing was imported."
                : rows + (rows == 1 ? " row breaks" : " rows break") + " the contact rules; nothing was imported. "
                        + "Correct them and import the whole file again.";
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "import-rejected", "Import rejected", detail);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(ImportTooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(ImportTooLarge tooLarge) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "import-too-large", "Import too large",
                        tooLarge.getMessage()));
    }
}
