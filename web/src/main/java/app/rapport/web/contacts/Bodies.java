package app.rapport.web.contacts;

import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.rapport.web.api.ApiRefusal;
import app.rapport.web.support.Show;
import org.springframework.util.MultiValueMap;

/** A form as the body of its command, in the API's field names; what cannot be read is refused here as the API would. */
final class Bodies {

    private Bodies() {
    }

    static Map<String, Object> of(Command command, MultiValueMap<String, String> form, Show show) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        for (Command.Field field : command.fields()) {
            String value = form.getFirst(field.name());
            String trimmed = value == null ? "" : value.trim();
            Object json = switch (field.kind()) {
                case PATH -> null;
                case TEXT -> trimmed.isEmpty() ? null : trimmed;
                case FLAG -> form.containsKey(field.name());
                case LIST -> {
                    List<String> values = new ArrayList<>();
                    for (String each : form.getOrDefault(field.name(), List.of())) {
                        if (each != null && !each.isBlank()) {
                            values.add(each.trim());
                        }
                    }
                    yield values.isEmpty() ? null : values;
                }
                case NUMBER -> {
                    if (trimmed.isEmpty()) {
                        yield null;
                    }
                    try {
                        yield Integer.parseInt(trimmed);
                    } catch (NumberFormatException notANumber) {
                        unreadable.put(field.name(), "must be a whole number");
                        yield null;
                    }
                }
                case TIME -> {
                    try {
                        yield show.parseInput(trimmed);
                    } catch (DateTimeParseException notATime) {
                        unreadable.put(field.name(), "must be a date and a time");
                        yield null;
                    }
                }
            };
            if (json != null) {
                put(body, field.name(), json instanceof java.time.Instant instant ? instant.toString() : json);
            }
        }
        if (!unreadable.isEmpty()) {
            throw new ApiRefusal(400, "Invalid request", "Invalid field(s): "
                    + String.join(", ", unreadable.keySet()) + ".", unreadable);
        }
        return body;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> body, String name, Object value) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            body.put(name, value);
            return;
        }
        Map<String, Object> inner = (Map<String, Object>) body.computeIfAbsent(name.substring(0, dot),
                key -> new LinkedHashMap<String, Object>());
        inner.put(name.substring(dot + 1), value);
    }
}
