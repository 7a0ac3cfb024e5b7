package app.rapport.web.contacts;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.rapport.web.api.Api;
import app.rapport.web.api.ApiRefusal;
import app.rapport.web.support.Show;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The contact list (search, stage and source, sorted by name, next due or health), adding a
 * contact, importing a file with its dry run shown first, and the exports as downloads.
 */
@Controller
class ContactsController {

    /** The list's page size: the API's largest, so filtering by source (which the API has no parameter for) sees a full page. */
    static final int PAGE_SIZE = 200;
    static final String ADD = "add";
    private static final String PENDING_IMPORT = ContactsController.class.getName() + ".import";
    private static final Set<String> SORTS = Set.of("name", "nextDue", "health");
    private static final Map<String, String> EXPORTS = Map.of(
            "contacts.csv", "text/csv", "contacts.vcf", "text/vcard", "events.jsonl", "application/x-ndjson",
            "template.csv", "text/csv");
    private static final Command ADD_CONTACT = new Command(ADD, HttpMethod.POST, "", "", List.of(
            new Command.Field("contactId", Command.Kind.TEXT), new Command.Field("name", Command.Kind.TEXT),
            new Command.Field("organization", Command.Kind.TEXT), new Command.Field("role", Command.Kind.TEXT),
            new Command.Field("specialization", Command.Kind.TEXT), new Command.Field("source", Command.Kind.TEXT),
            new Command.Field("preferredChannel", Command.Kind.TEXT),
            new Command.Field("preferredLocation", Command.Kind.TEXT), new Command.Field("email", Command.Kind.TEXT),
            new Command.Field("phone", Command.Kind.TEXT), new Command.Field("notes", Command.Kind.TEXT),
            new Command.Field("at", Command.Kind.TIME)));

    /** A file whose dry run was shown, kept in the session until the person says "import it". */
    record PendingImport(String token, String format, String filename, byte[] file) implements java.io.Serializable {
    }

    private final Api api;
    private final Show show;

    ContactsController(Api api, Show show) {
        this.api = api;
        this.show = show;
    }

    @GetMapping("/contacts")
    String contacts(@RequestParam(required = false) String q, @RequestParam(required = false) String stage,
                    @RequestParam(required = false) String source, @RequestParam(required = false) String sort,
                    @RequestParam(required = false) Long after, Model model) {
        fill(model, q, stage, source, sort, after);
        model.addAttribute("forms", FormState.NONE);
        return "contacts";
    }

    @PostMapping("/contacts")
    String add(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        try {
            Map<String, Object> answer = api.send(HttpMethod.POST, "/api/contacts", Bodies.of(ADD_CONTACT, form, show));
            return "redirect:/contacts/" + answer.get("contactId") + "?after=" + answer.getOrDefault("position", "");
        } catch (ApiRefusal refusal) {
            if (refusal.status() == 401) {
                throw refusal;
            }
            fill(model, null, null, null, null, null);
            model.addAttribute("forms", new FormState(ADD, form, refusal));
            response.setStatus(refusal.status());
            return "contacts";
        }
    }

    /** The dry run: what the file would do, stored nowhere yet. */
    @PostMapping("/contacts/import")
    String preview(@RequestParam String format, @RequestParam(required = false) MultipartFile file,
                   HttpSession session, Model model, HttpServletResponse response) throws IOException {
        fill(model, null, null, null, null, null);
        model.addAttribute("forms", FormState.NONE);
        if (format == null || !Choices.IMPORT_FORMATS.contains(format) || file == null || file.isEmpty()) {
            model.addAttribute("importRefusal", new ApiRefusal(400, "Invalid request",
                    "Choose a file and its format.", Map.of()));
            response.setStatus(400);
            return "contacts";
        }
        PendingImport pending = new PendingImport(UUID.randomUUID().toString(), format,
                file.getOriginalFilename(), file.getBytes());
        try {
            model.addAttribute("preview", api.upload("/api/imports", Map.of("format", format, "dryRun", true),
                    pending.file(), typeOf(format)));
            session.setAttribute(PENDING_IMPORT, pending);
            model.addAttribute("pending", pending);
        } catch (ApiRefusal refusal) {
            if (refusal.status() == 401) {
                throw refusal;
            }
            model.addAttribute("importRefusal", refusal);
            response.setStatus(refusal.status());
        }
        return "contacts";
    }

    /** The import itself, of the file whose dry run the person saw. */
    @PostMapping("/contacts/import/confirm")
    String confirm(@RequestParam String token, HttpSession session, Model model, HttpServletResponse response) {
        if (!(session.getAttribute(PENDING_IMPORT) instanceof PendingImport pending) || !pending.token().equals(token)) {
            fill(model, null, null, null, null, null);
            model.addAttribute("forms", FormState.NONE);
            model.addAttribute("importRefusal", new ApiRefusal(409, "Nothing to import",
                    "That preview is no longer there: choose the file again.", Map.of()));
            response.setStatus(409);
            return "contacts";
        }
        session.removeAttribute(PENDING_IMPORT);
        Map<String, Object> result = api.upload("/api/imports", Map.of("format", pending.format()), pending.file(),
                typeOf(pending.format()));
        Object position = result.get("position");
        return "redirect:/contacts?imported=" + result.getOrDefault("created", 0)
                + (position != null ? "&after=" + position : "");
    }

    @GetMapping("/contacts/exports/{file}")
    ResponseEntity<byte[]> export(@PathVariable String file) {
        String type = EXPORTS.get(file);
        if (type == null) {
            throw new ApiRefusal(404, "Not found", "There is no export '" + file + "'.", Map.of());
        }
        ResponseEntity<byte[]> answer = api.download(file.equals("template.csv") ? "/api/imports/template.csv"
                : "/api/exports/" + file);
        return ResponseEntity.ok()
                .contentType(answer.getHeaders().getContentType() != null ? answer.getHeaders().getContentType()
                        : MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rapport-" + file + "\"")
                .body(answer.getBody());
    }

    private void fill(Model model, String q, String stage, String source, String sort, Long after) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("q", q);
        query.put("stage", stage != null && Choices.STAGES.contains(stage) ? stage : null);
        query.put("sort", sort != null && SORTS.contains(sort) ? sort : null);
        query.put("consistentWith", after);
        query.put("size", PAGE_SIZE);
        Map<String, Object> answer = api.get("/api/contacts", query);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) answer.getOrDefault("items", List.of());
        boolean bySource = source != null && Choices.SOURCES.contains(source);
        model.addAttribute("contacts", bySource
                ? items.stream().filter(contact -> source.equals(contact.get("source"))).toList() : items);
        model.addAttribute("total", answer.get("total"));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("stage", query.get("stage"));
        model.addAttribute("source", bySource ? source : null);
        model.addAttribute("sort", query.get("sort") == null ? "name" : query.get("sort"));
        model.addAttribute("stages", Choices.STAGES);
        model.addAttribute("sources", Choices.SOURCES);
        model.addAttribute("channels", Choices.CHANNELS);
        model.addAttribute("formats", Choices.IMPORT_FORMATS);
        model.addAttribute("newId", UUID.randomUUID().toString());
    }

    private static MediaType typeOf(String format) {
        return switch (format) {
            case "vcard" -> MediaType.parseMediaType("text/vcard");
            case "events" -> MediaType.parseMediaType("application/x-ndjson");
            default -> MediaType.parseMediaType("text/csv");
        };
    }
}
