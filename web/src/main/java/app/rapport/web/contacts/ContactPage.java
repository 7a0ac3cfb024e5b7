package app.rapport.web.contacts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rapport.web.api.Api;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What a contact's page shows, for its owner (with a form for every command) and for a mentor
 * (read-only, as of a moment): the contact, its timeline and its commitments, as the API answers.
 */
@Component
public class ContactPage {

    private final Api api;

    ContactPage(Api api) {
        this.api = api;
    }

    /**
     * @param owner the mentee a mentor reads, or null for one's own journal
     * @param asOf the moment to read the journal as recorded by, or null for now
     * @param after the position of the person's last command, so the page shows what it did
     */
    public void fill(Model model, String contactId, String owner, String asOf, Long after) {
        Map<String, Object> reading = new LinkedHashMap<>();
        reading.put("owner", owner);
        reading.put("asOf", asOf);
        reading.put("consistentWith", after);
        Map<String, Object> page = new LinkedHashMap<>(reading);
        page.put("size", 200);
        List<Api.Read> reads = new java.util.ArrayList<>(List.of(
                new Api.Read("/api/contacts/" + contactId, reading),
                new Api.Read("/api/contacts/" + contactId + "/timeline", page)));
        if (asOf == null) {
            // the ledger of promises has no asOf; a mentor's review as of a day goes without it
            reads.add(new Api.Read("/api/contacts/" + contactId + "/commitments", reading));
        }
        List<Map<String, Object>> answers = api.getAll(reads);
        model.addAttribute("contact", answers.get(0));
        model.addAttribute("timeline", Api.itemsOf(answers.get(1)));
        model.addAttribute("commitments", asOf == null ? Api.itemsOf(answers.get(2)) : List.of());
        model.addAttribute("newId", UUID.randomUUID().toString());
        model.addAttribute("channels", Choices.CHANNEL_OPTIONS);
        model.addAttribute("outcomes", Choices.OUTCOME_OPTIONS);
        model.addAttribute("followUpKinds", Choices.FOLLOW_UP_KIND_OPTIONS);
        if (!model.containsAttribute("forms")) {
            model.addAttribute("forms", FormState.NONE);
        }
    }
}
