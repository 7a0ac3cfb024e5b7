package app.rapport.web.contacts;

import java.util.List;
import java.util.Map;

import app.rapport.web.api.ApiRefusal;

/**
 * What a page needs to show a refused form again: which form it was, everything the person typed
 * in it, and the API's problem document, shown next to that form.
 *
 * @param form the form's key: the command and the id it was about ({@code hold:<interviewId>})
 */
public record FormState(String form, Map<String, List<String>> typed, ApiRefusal refusal) {

    static final FormState NONE = new FormState("", Map.of(), null);

    static String key(String command, String id) {
        return id == null || id.isBlank() ? command : command + ":" + id;
    }

    /**
     * The key of the refused form, shown again; blank when nothing was refused. The templates
     * compare it with a form's key (a property read) before asking for a field's typed value or
     * problem (a method call each): a contact's page has a hundred fields and nearly always no
     * refusal, and each SpEL method call resolved its argument types anew.
     */
    public String getAgain() {
        return refusal == null ? "" : form;
    }

    /** Whether this is the form that was refused. */
    public boolean refused(String form) {
        return refusal != null && this.form.equals(form);
    }

    /** The value typed in a field of the refused form, or the given one for every other form. */
    public String value(String form, String field, Object otherwise) {
        if (refused(form)) {
            List<String> values = typed.get(field);
            return values == null || values.isEmpty() ? "" : values.get(0);
        }
        return otherwise == null ? "" : otherwise.toString();
    }

    /** The n-th value typed in a list field (the questions), or blank. */
    public String valueAt(String form, String field, int n) {
        List<String> values = refused(form) ? typed.get(field) : null;
        return values == null || values.size() <= n ? "" : values.get(n);
    }

    /** Whether a checkbox of the refused form was ticked; for every other form, the given default. */
    public boolean checked(String form, String field, boolean otherwise) {
        return refused(form) ? typed.containsKey(field) : otherwise;
    }

    /** Whether the API named this field in its refusal of this form. */
    public boolean invalid(String form, String field) {
        return refused(form) && refusal.errors().containsKey(field);
    }

    /** The API's word on a field of the refused form, or null. */
    public String problem(String form, String field) {
        return refused(form) ? refusal.errors().get(field) : null;
    }
}
