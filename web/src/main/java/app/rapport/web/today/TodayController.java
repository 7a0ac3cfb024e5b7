package app.rapport.web.today;

import java.util.ArrayList;
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
    /** Interviews shown from the calendar; more than a person holds in a few weeks. */
    private static final int SCHEDULED = 20;

    private final Api api;

    TodayController(Api api) {
        this.api = api;
    }

    @GetMapping("/")
    String today(Model model) {
        List<Map<String, Object>> answers = api.getAll(List.of(
                new Api.Read("/api/follow-ups/overdue", Map.of("lookahead", LOOKAHEAD, "size", 200)),
                new Api.Read("/api/interviews/scheduled", Map.of("size", SCHEDULED))));
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

    /** The calendar's interviews, soonest first as the API answers them, each with its next step. */
    private List<Map<String, Object>> nextInterviews(List<Map<String, Object>> scheduled) {
        List<Map<String, Object>> next = new ArrayList<>();
        for (Map<String, Object> interview : scheduled) {
            Map<String, Object> shown = new LinkedHashMap<>(interview);
            String contact = "/contacts/" + interview.get("contactId");
            shown.put("action", "SCHEDULED".equals(interview.get("status"))
                    ? new Actions.Action("Prepare", contact + "#preparation-" + interview.get("interviewId"))
                    : new Actions.Action("Record it as held", contact + "#hold-" + interview.get("interviewId")));
            next.add(shown);
        }
        return next;
    }
}
