package app.rapport.web.contacts;

import java.util.Map;

import app.rapport.web.api.Api;
import app.rapport.web.api.ApiRefusal;
import app.rapport.web.support.Show;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One contact: details, timeline with its flags, and a form for every command. A command sent is
 * answered with a redirect to the page read consistent with it; a command refused shows the page
 * again with the API's detail next to that form and every field as it was typed.
 */
@Controller
class ContactController {

    private final Api api;
    private final ContactPage page;
    private final Show show;

    ContactController(Api api, ContactPage page, Show show) {
        this.api = api;
        this.page = page;
        this.show = show;
    }

    @GetMapping("/contacts/{contactId}")
    String contact(@PathVariable java.util.UUID contactId, @RequestParam(required = false) Long after,
                   @RequestParam(required = false) String amend, @RequestParam(defaultValue = "false") boolean manage,
                   Model model) {
        page.fill(model, contactId.toString(), null, null, after);
        model.addAttribute("readOnly", false);
        // the timeline entry whose correction and retraction forms are open, and whether the contact's own are
        model.addAttribute("amend", amend);
        model.addAttribute("manage", manage);
        return "contact";
    }

    @PostMapping("/contacts/{contactId}/commands/{command}")
    String send(@PathVariable java.util.UUID contactId, @PathVariable String command,
                @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        Command sent = Command.ALL.get(command);
        if (sent == null) {
            throw new ApiRefusal(404, "Not found", "There is no command '" + command + "'.", Map.of());
        }
        String path = "/api/contacts/" + contactId + sent.path();
        String subject = "";
        for (Command.Field field : sent.fields()) {
            if (field.kind() == Command.Kind.PATH) {
                String id = form.getFirst(field.name());
                if (!Command.isId(id)) {
                    throw new ApiRefusal(404, "Not found", "No such " + field.name() + ".", Map.of());
                }
                path = path.replace("{" + field.name() + "}", id);
                subject = id;
            }
        }
        String key = FormState.key(command, subject);
        try {
            Map<String, Object> answer = api.send(sent.method(), path,
                    sent.fields().isEmpty() ? null : Bodies.of(sent, form, show));
            Object position = answer.get("position");
            if ("erasure".equals(command)) {
                // the contact is gone from every view: its page would answer 404
                return "redirect:/contacts" + (position != null ? "?after=" + position : "");
            }
            String anchor = sent.anchor().replace("{interviewId}", subject).replace("{entryId}", subject)
                    .replace("{commitmentId}", subject);
            if ("request".equals(command) && answer.get("interviewId") != null) {
                anchor = "interview-" + answer.get("interviewId");
            }
            return "redirect:/contacts/" + contactId + (position != null ? "?after=" + position : "") + "#" + anchor;
        } catch (ApiRefusal refusal) {
            if (refusal.status() == 401) {
                throw refusal;
            }
            // someone else's contact (a mentor's forged write) is 404 here too, on the page's own read
            model.addAttribute("forms", new FormState(key, form, refusal));
            page.fill(model, contactId.toString(), null, null, null);
            model.addAttribute("readOnly", false);
            model.addAttribute("manage", false);
            response.setStatus(refusal.status());
            return "contact";
        }
    }
}
