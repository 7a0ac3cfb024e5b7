package app.rapport.web.profile;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import app.rapport.web.api.Api;
import app.rapport.web.api.ApiRefusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The person's profile (what drafts introduce them with) and their mentors: grant a mentor read
 * access to the journal, or revoke it. The API answers no read of either, so the page says what
 * was last done rather than showing the current state.
 */
@Controller
class ProfileController {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    private final Api api;

    ProfileController(Api api) {
        this.api = api;
    }

    @GetMapping("/profile")
    String profile(Model model) {
        return "profile";
    }

    @PostMapping("/profile")
    String setProfile(@RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String school,
                      @RequestParam(defaultValue = "") String program, @RequestParam(defaultValue = "") String interests,
                      Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", displayName.trim());
        put(body, "school", school);
        put(body, "program", program);
        List<String> listed = Arrays.stream(interests.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (!listed.isEmpty()) {
            body.put("interests", listed);
        }
        try {
            api.send(HttpMethod.PUT, "/api/profile", body);
            redirect.addFlashAttribute("done", "Your profile is saved.");
            return "redirect:/profile";
        } catch (ApiRefusal refusal) {
            return refused(refusal, "profile", Map.of("displayName", displayName, "school", school,
                    "program", program, "interests", interests), model, response);
        }
    }

    @PostMapping("/profile/mentors")
    String mentor(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "grant") String action,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        String mentor = username.trim();
        if (!USERNAME.matcher(mentor).matches()) {
            return refused(new ApiRefusal(400, "Invalid request", "Enter the mentor's username.",
                    Map.of("username", "must be a username")), "mentors", Map.of("username", username), model, response);
        }
        boolean revoke = "revoke".equals(action);
        try {
            api.send(revoke ? HttpMethod.DELETE : HttpMethod.PUT, "/api/mentors/" + mentor, null);
            redirect.addFlashAttribute("done", revoke ? mentor + " no longer reads your journal."
                    : mentor + " can now read your journal (and cannot change it).");
            return "redirect:/profile";
        } catch (ApiRefusal refusal) {
            return refused(refusal, "mentors", Map.of("username", username), model, response);
        }
    }

    /**
     * Erases the whole account (every contact, the profile, the grants), confirmed by the person's
     * own username as the API asks, then signs them out: nothing is left to show.
     */
    @PostMapping("/profile/account")
    String eraseAccount(@RequestParam(defaultValue = "") String confirm, Model model, HttpServletRequest request,
                        HttpServletResponse response) {
        try {
            api.send(HttpMethod.DELETE, "/api/account", Map.of("confirm", confirm.trim()), null);
        } catch (ApiRefusal refusal) {
            return refused(refusal, "account", Map.of("confirm", confirm), model, response);
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/login?accountErased";
    }

    private String refused(ApiRefusal refusal, String form, Map<String, String> typed, Model model,
                           HttpServletResponse response) {
        if (refusal.status() == 401) {
            throw refusal;
        }
        model.addAttribute("refusal", refusal);
        model.addAttribute("refusedForm", form);
        model.addAttribute("typed", typed);
        response.setStatus(refusal.status());
        return "profile";
    }

    private static void put(Map<String, Object> body, String field, String value) {
        if (!value.isBlank()) {
            body.put(field, value.trim());
        }
    }
}
