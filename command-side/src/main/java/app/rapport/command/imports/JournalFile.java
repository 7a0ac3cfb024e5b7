package app.rapport.command.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import app.rapport.events.JournalEvent;
import app.rapport.platform.web.PlainText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A journal exported as JSON Lines ({@code format=events}), as {@code GET /api/exports/events.jsonl}
 * writes it: one object a line, {@code {position, eventId, type, aggregateId, sequence, recordedAt,
 * payload, metadata}}. Each line is read with Jackson on its own, so a bad line is that line's
 * problem; the payload becomes the event record its {@code type} names (the full class name, as the
 * store keeps it, or the simple one), read as the event store reads it. Blank lines are ignored.
 */
final class JournalFile {

    private static final String EVENTS = "app.rapport.events.";
    private static final List<String> PACKAGES = List.of("contact", "interview", "commitment", "networker");
    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");

    private JournalFile() {
    }

    static List<JournalLine> read(String text, ObjectMapper events) {
        List<JournalLine> lines = new ArrayList<>();
        List<RowError> problems = new ArrayList<>();
        String[] physical = text.split("\n", -1);
        int count = 0;
        for (int index = 0; index < physical.length; index++) {
            String line = physical[index].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (++count > ImportLimits.MAX_ROWS) {
                throw ImportLimits.tooManyRows();
            }
            int number = index + 1;
            try {
                JsonNode node = events.readTree(line);
                if (!node.isObject()) {
                    problems.add(new RowError(number, "line", "is not a JSON object"));
                    continue;
                }
                String type = node.path("type").asText("");
                Class<? extends JournalEvent> eventType = eventType(type);
                if (eventType == null) {
                    problems.add(new RowError(number, "type", type.isEmpty() ? "is missing"
                            : "'" + type + "' is not an event of Rapport's journal"));
                    continue;
                }
                JsonNode payload = node.path("payload");
                if (payload.isTextual()) {
                    payload = events.readTree(payload.asText());
                }
                if (!payload.isObject()) {
                    problems.add(new RowError(number, "payload", "is missing or not a JSON object"));
                    continue;
                }
                String notPlain = notPlainText(payload, "payload");
                if (notPlain != null) {
                    problems.add(new RowError(number, notPlain, PlainText.PROBLEM));
                    continue;
                }
                JournalEvent event = events.treeToValue(payload, eventType);
                lines.add(new JournalLine(number, eventType.getSimpleName(),
                        node.hasNonNull("eventId") ? node.get("eventId").asText() : null, event));
            } catch (JsonProcessingException | IllegalArgumentException unreadable) {
                problems.add(new RowError(number, "line", "is not readable: " + firstLine(unreadable)));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRejected(problems);
        }
        if (lines.isEmpty()) {
            throw ImportRejected.ofFile("file", "holds no event; a journal export has one JSON object a line");
        }
        return lines;
    }

    private static Class<? extends JournalEvent> eventType(String type) {
        String simple = type.startsWith(EVENTS) ? type.substring(type.lastIndexOf('.') + 1) : type;
        if (!SIMPLE_NAME.matcher(simple).matches()) {
            return null;
        }
        for (String area : PACKAGES) {
            String name = EVENTS + area + "." + simple;
            if (type.startsWith(EVENTS) && !type.equals(name)) {
                continue;
            }
            try {
                Class<?> candidate = Class.forName(name, false, JournalFile.class.getClassLoader());
                if (JournalEvent.class.isAssignableFrom(candidate) && candidate.isRecord()) {
                    return candidate.asSubclass(JournalEvent.class);
                }
            } catch (ClassNotFoundException notThere) {
                // another package, or no such event
            }
        }
        return null;
    }

    /** The path of the first text in the payload that is not plain text, or null. */
    private static String notPlainText(JsonNode node, String path) {
        if (node.isTextual()) {
            return PlainText.isPlain(node.asText()) ? null : path;
        }
        if (node.isObject()) {
            var fields = node.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                String found = notPlainText(field.getValue(), path + "." + field.getKey());
                if (found != null) {
                    return found;
                }
            }
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = notPlainText(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String firstLine(Exception unreadable) {
        String message = unreadable instanceof JsonProcessingException json ? json.getOriginalMessage()
                : unreadable.getMessage();
        if (message == null) {
            return unreadable.getClass().getSimpleName();
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
