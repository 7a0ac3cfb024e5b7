package app.rapport.web.today;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.rapport.web.api.Api;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Today: what is overdue and what comes due this week (the overdue view with a lookahead), and
 * the interviews on the calendar, each with a link to the form that deals with it.
 */
@Controller
class TodayController {

    /** How far ahead "coming due" looks: a week, the horizon a person plans their outreach in. */
    static final String LOOKAHEAD = "P7D";
    /** Scheduled contacts read for the calendar; more than a person holds in a few weeks. */
    private static final int SCHEDULED_CONTACTS = 20;

    private final Api api;

    TodayController(Api api) {
        this.api = api;
    }

    @GetMapping("/")
    String today(Model model) {
        List<Map<String, Object>> answers = api.getAll(List.of(
                new Api.Read("/api/follow-ups/overdue", Map.of("lookahead", LOOKAHEAD, "size", 200)),
                new Api.Read("/api/contacts", Map.of("stage", "SCHEDULED", "sort", "nextDue", "size", SCHEDULED_CONTACTS))));
        List<Map<String, Object>> due = Api.itemsOf(answers.get(0));
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> item : due) {
            Map<String, Object> shown = new LinkedHashMap<>(item);
            shown.put("action", Actions.of(item));
            // a negative ISO-8601 duration (Java writes "PT-49H") is an item not yet due
            shown.put("overdue", !String.valueOf(item.get("overdueBy")).contains("-"));
            items.add(shown);
        }
        model.addAttribute("overdue", items.stream().filter(item -> (boolean) item.get("overdue")).toList());
        model.addAttribute("comingDue", items.stream().filter(item -> !(boolean) item.get("overdue")).toList());
        model.addAttribute("interviews", nextInterviews(Api.itemsOf(answers.get(1))));
        return "today";
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> nextInterviews(List<Map<String, Object>> scheduled) {
        Instant now = Instant.now();
        List<Map<String, Object>> next = new ArrayList<>();
        List<Map<String, Object>> details = scheduled.isEmpty() ? List.of() : api.getAll(scheduled.stream()
                .map(contact -> new Api.Read("/api/contacts/" + contact.get("contactId"), Map.of())).toList());
        for (int c = 0; c < scheduled.size(); c++) {
            Map<String, Object> contact = scheduled.get(c);
            Map<String, Object> detail = details.get(c);
            for (Map<String, Object> interview : (List<Map<String, Object>>) detail.getOrDefault("interviews", List.of())) {
                Object status = interview.get("status");
                Object when = interview.get("scheduledFor");
                if (("SCHEDULED".equals(status) || "PREPARED".equals(status)) && when != null) {
                    Map<String, Object> shown = new LinkedHashMap<>(interview);
                    shown.put("contactId", contact.get("contactId"));
                    shown.put("contactName", contact.get("name"));
                    shown.put("past", Instant.parse(when.toString()).isBefore(now));
                    shown.put("action", "SCHEDULED".equals(status)
                            ? new Actions.Action("Prepare", "/contacts/" + contact.get("contactId") + "#preparation-" + interview.get("interviewId"))
                            : new Actions.Action("Record it as held", "/contacts/" + contact.get("contactId") + "#hold-" + interview.get("interviewId")));
                    next.add(shown);
                }
            }
        }
        next.sort(Comparator.comparing(interview -> interview.get("scheduledFor").toString()));
        return next;
    }
}
