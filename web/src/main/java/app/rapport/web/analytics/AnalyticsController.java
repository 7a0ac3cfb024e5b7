package app.rapport.web.analytics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.rapport.web.api.Api;
import app.rapport.web.support.Show;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Outreach analytics: response and acceptance rates by channel, by source and by month, and the
 * request → accepted → held → thanked funnel, each a chart with its numbers in a table beside it.
 */
@Controller
class AnalyticsController {

    static final List<String> RATES = List.of("responseRate", "acceptanceRate");
    static final List<String> RATE_LABELS = List.of("response rate", "acceptance rate");

    private final Api api;
    private final Show show;

    AnalyticsController(Api api, Show show) {
        this.api = api;
        this.show = show;
    }

    @GetMapping("/analytics")
    String analytics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                     Model model) {
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("from", dayStart(from));
        period.put("to", dayStart(to) == null ? null : LocalDate.parse(to).plusDays(1)
                .atStartOfDay(show.zone()).toInstant());
        model.addAttribute("from", dayStart(from) == null ? "" : from);
        model.addAttribute("to", period.get("to") == null ? "" : to);
        List<String> groupings = List.of("channel", "source", "month");
        List<Api.Read> reads = new java.util.ArrayList<>();
        for (String groupBy : groupings) {
            Map<String, Object> query = new LinkedHashMap<>(period);
            query.put("groupBy", groupBy);
            reads.add(new Api.Read("/api/analytics/outreach", query));
        }
        List<Map<String, Object>> reports = api.getAll(reads);
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (int i = 0; i < groupings.size(); i++) {
            rows.put(groupings.get(i), rowsOf(reports.get(i)));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("charts", Map.of(
                "channel", Chart.ofRates("By channel", rows.get("channel"), RATES, RATE_LABELS),
                "source", Chart.ofRates("By how the contact was found", rows.get("source"), RATES, RATE_LABELS),
                "month", Chart.ofRates("By month", rows.get("month"), RATES, RATE_LABELS)));
        List<String> steps = List.of("requested", "accepted", "held", "thanked in time");
        List<Long> counts = List.of(sum(rows.get("channel"), "requests"), sum(rows.get("channel"), "accepted"),
                sum(rows.get("channel"), "held"), sum(rows.get("channel"), "thankYouWithin24h"));
        model.addAttribute("funnel", Chart.ofCounts("Funnel", steps, counts));
        model.addAttribute("funnelSteps", steps);
        model.addAttribute("funnelCounts", counts);
        return "analytics";
    }

    private java.time.Instant dayStart(String day) {
        if (day == null || day.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(day).atStartOfDay(show.zone()).toInstant();
        } catch (DateTimeParseException notADay) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rowsOf(Map<String, Object> report) {
        Object rows = report.get("rows");
        return rows instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private static long sum(List<Map<String, Object>> rows, String measure) {
        return rows.stream().mapToLong(row -> row.get(measure) instanceof Number n ? n.longValue() : 0).sum();
    }
}
