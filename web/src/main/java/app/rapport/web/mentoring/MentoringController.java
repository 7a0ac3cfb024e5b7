package app.rapport.web.mentoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.web.api.Api;
import app.rapport.web.contacts.ContactPage;
import app.rapport.web.support.Show;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A mentor's review: the mentees who granted access, and one mentee's journal read-only, as it
 * stood at the end of a chosen day, with the practice report and its slips. No page here sends a
 * command: the API refuses a mentor's write anyway, and the pages show no control for one.
 */
@Controller
class MentoringController {

    private final Api api;
    private final ContactPage contactPage;
    private final Show show;

    MentoringController(Api api, ContactPage contactPage, Show show) {
        this.api = api;
        this.contactPage = contactPage;
        this.show = show;
    }

    @GetMapping("/mentees")
    String mentees(Model model) {
        model.addAttribute("mentees", api.items("/api/mentees", Map.of("size", 200)));
        return "mentees";
    }

    @GetMapping("/mentees/{username}")
    String mentee(@PathVariable String username, @RequestParam(required = false) String asOf, Model model) {
        Instant at = asOf(asOf);
        Map<String, Object> reading = new LinkedHashMap<>();
        reading.put("owner", username);
        reading.put("asOf", at);
        Map<String, Object> list = new LinkedHashMap<>(reading);
        list.put("size", 200);
        model.addAttribute("mentee", username);
        model.addAttribute("asOf", at == null ? "" : asOf);
        model.addAttribute("asOfShown", at == null ? null : show.time(at));
        List<Map<String, Object>> answers = api.getAll(List.of(new Api.Read("/api/contacts", list),
                new Api.Read("/api/follow-ups/overdue", list), new Api.Read("/api/reports/practice", list)));
        model.addAttribute("contacts", Api.itemsOf(answers.get(0)));
        model.addAttribute("due", Api.itemsOf(answers.get(1)));
        model.addAttribute("practice", answers.get(2));
        return "mentee";
    }

    @GetMapping("/mentees/{username}/contacts/{contactId}")
    String menteeContact(@PathVariable String username, @PathVariable UUID contactId,
                         @RequestParam(required = false) String asOf, Model model) {
        Instant at = asOf(asOf);
        contactPage.fill(model, contactId.toString(), username, at == null ? null : at.toString(), null);
        model.addAttribute("readOnly", true);
        model.addAttribute("mentee", username);
        model.addAttribute("asOf", at == null ? "" : asOf);
        model.addAttribute("asOfShown", at == null ? null : show.time(at));
        return "contact";
    }

    /** The end of the chosen day in the mentor's zone; null (the journal now) for today, a later day or none. */
    private Instant asOf(String day) {
        if (day == null || day.isBlank()) {
            return null;
        }
        try {
            Instant now = Instant.now();
            Instant end = show.endOfDay(LocalDate.parse(day), now);
            return end.equals(now) ? null : end;
        } catch (DateTimeParseException notADay) {
            return null;
        }
    }
}
