package app.rapport.web.mentoring;

import java.util.Map;

import app.rapport.web.api.Api;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The person's own practice report: how their interviews kept to the practice, and every slip. */
@Controller
class PracticeController {

    private final Api api;

    PracticeController(Api api) {
        this.api = api;
    }

    @GetMapping("/reports/practice")
    String practice(Model model) {
        model.addAttribute("practice", api.get("/api/reports/practice", Map.of("size", 200)));
        model.addAttribute("mentee", null);
        return "practice";
    }
}
