package app.rapport.web.today;

import java.util.Map;

/** The one click that deals with a due item: the form for it on the contact's page. */
final class Actions {

    record Action(String label, String href) {
    }

    private Actions() {
    }

    static Action of(Map<String, Object> item) {
        String contact = "/contacts/" + item.get("contactId");
        Object interview = item.get("interviewId");
        return switch (String.valueOf(item.get("kind"))) {
            case "THANK_YOU" -> new Action("Send the thank-you", contact + "#thank-you-" + interview);
            case "RESPONSE_NUDGE" -> new Action("Send a nudge", contact + "#nudge-" + interview);
            case "PREPARE" -> new Action("Prepare", contact + "#preparation-" + interview);
            case "COMMITMENT" -> new Action("Keep the promise", contact + "#commitment-" + item.get("commitmentId"));
            default -> new Action("Log a follow-up", contact + "#follow-up");
        };
    }
}
