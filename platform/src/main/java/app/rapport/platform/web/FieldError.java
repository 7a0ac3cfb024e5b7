package app.rapport.platform.web;

/**
 * One entry of a validation problem's {@code errors} list.
 *
 * @param field the JSON path or parameter name of the bad input, e.g. {@code checklist.thankedAtEnd}
 * @param message what is wrong with it, in plain words
 */
public record FieldError(String field, String message) {
}
