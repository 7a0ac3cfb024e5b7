package app.rapport.command.contact;

import app.rapport.command.RuleViolation;

/** The presence checks the HTTP edge makes first; repeated here so that no other caller can store a hollow fact. */
final class Required {

    private Required() {
    }

    static <T> T value(T value, String field, String asked) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new RuleViolation("required-value-missing",
                    "Cannot %s: the %s is missing; it is required.".formatted(asked, field));
        }
        return value;
    }
}
