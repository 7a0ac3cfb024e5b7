package app.rapport.platform.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Gives every JSON body and answer that has no example of its own one derived from its schema: a
 * property's own example first, then a value its format or enum makes real (a UUID, an instant,
 * the first constant), numbers at their minimum. Derived from the schema, such an example can
 * never contradict it, which the lint test checks.
 */
final class Examples {

    private static final int DEEPEST = 6;

    /**
     * Texts in the journal's own words for the properties that carry them, so that an example reads
     * like a real request; a property not named here gets a value from its schema alone.
     */
    private static final Map<String, String> TEXTS = Map.ofEntries(
            Map.entry("name", "Ada Lovelace"),
            Map.entry("contactName", "Ada Lovelace"),
            Map.entry("organization", "Analytical Engines"),
            Map.entry("role", "Curator"),
            Map.entry("specialization", "Digital archives"),
            Map.entry("preferredLocation", "The library café"),
            Map.entry("location", "The library café"),
            Map.entry("phone", "+44 20 7946 0000"),
            Map.entry("purpose", "How a career in digital archives begins"),
            Map.entry("message", "I am a library student and would value 20 minutes of your advice."),
            Map.entry("note", "Thanked her for the reading list"),
            Map.entry("notes", "She suggested talking to the records office"),
            Map.entry("researchNotes", "Read her article on web archiving"),
            Map.entry("responseNote", "Happy to talk next week"),
            Map.entry("reason", "Logged on the wrong contact"),
            Map.entry("promise", "Send the article on web archiving"),
            Map.entry("displayName", "Alice Martin"),
            Map.entry("school", "City Library School"),
            Map.entry("program", "MSc Library Science"),
            Map.entry("subject", "Thank you for your time"),
            Map.entry("body", "Dear Ada, thank you for the conversation today."),
            Map.entry("summary", "Interview requested by email (20 min)"),
            Map.entry("username", "alice"),
            Map.entry("owner", "alice"),
            Map.entry("actor", "alice"),
            Map.entry("url", "https://crm.example.org/hooks/rapport"),
            Map.entry("profileUrl", "https://www.linkedin.com/in/ada-lovelace"));

    private final Components components;

    Examples(Components components) {
        this.components = components;
    }

    void addTo(Operation operation) {
        if (operation.getRequestBody() != null) {
            addTo(operation.getRequestBody().getContent());
        }
        if (operation.getResponses() != null) {
            operation.getResponses().values().forEach(response -> addTo(response.getContent()));
        }
    }

    private void addTo(Content content) {
        if (content == null) {
            return;
        }
        content.forEach((type, media) -> {
            if (isJson(type) && !hasExample(media) && media.getSchema() != null) {
                Object example = of(media.getSchema(), new HashSet<>(), 0);
                if (example != null) {
                    media.setExample(example);
                }
            }
        });
    }

    private static boolean hasExample(MediaType media) {
        return media.getExample() != null || (media.getExamples() != null && !media.getExamples().isEmpty());
    }

    static boolean isJson(String type) {
        return type.equals("application/json") || type.endsWith("+json");
    }

    @SuppressWarnings("rawtypes")
    private Object of(Schema schema, Set<String> seen, int depth) {
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            Schema target = components.getSchemas() == null ? null : components.getSchemas().get(name);
            if (target == null || !seen.add(name) || depth > DEEPEST) {
                return null;
            }
            Object example = of(target, seen, depth + 1);
            seen.remove(name);
            return example;
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().get(0);
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            return of((Schema) schema.getAllOf().get(0), seen, depth + 1);
        }
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            return of((Schema) schema.getOneOf().get(0), seen, depth + 1);
        }
        String type = typeOf(schema);
        if (type == null) {
            return schema.getProperties() != null ? object(schema, seen, depth) : null;
        }
        return switch (type) {
            case "object" -> object(schema, seen, depth);
            case "array" -> {
                List<Object> items = new ArrayList<>();
                Object item = schema.getItems() == null ? null : of(schema.getItems(), seen, depth + 1);
                if (item != null) {
                    items.add(item);
                }
                yield items;
            }
            case "integer" -> schema.getMinimum() != null ? schema.getMinimum().max(BigDecimal.ONE).longValue()
                    : 1L;
            case "number" -> schema.getMinimum() != null ? schema.getMinimum().max(BigDecimal.ONE) : BigDecimal.ONE;
            case "boolean" -> Boolean.TRUE;
            case "string" -> string(schema);
            default -> null;
        };
    }

    @SuppressWarnings("rawtypes")
    private static String typeOf(Schema schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes().stream().filter(t -> !"null".equals(t)).findFirst().orElse(null).toString();
        }
        return null;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private Map<String, Object> object(Schema schema, Set<String> seen, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) schema.getProperties()).forEach((name, property) -> {
                Object value = named(name, property);
                if (value == null) {
                    value = of(property, seen, depth + 1);
                }
                if (value != null) {
                    object.put(name, value);
                }
            });
        }
        return object;
    }

    /** The journal's own text for a property of that name, where its schema is a plain string that takes it. */
    @SuppressWarnings("rawtypes")
    private static Object named(String name, Schema property) {
        String text = TEXTS.get(name);
        boolean plainString = "string".equals(typeOf(property)) && property.getEnum() == null
                && property.getFormat() == null && property.getPattern() == null && property.getExample() == null;
        boolean fits = text != null && (property.getMaxLength() == null || text.length() <= property.getMaxLength());
        return plainString && fits ? text : null;
    }

    @SuppressWarnings("rawtypes")
    private static String string(Schema schema) {
        String format = schema.getFormat();
        if ("uuid".equals(format)) {
            return "3f2b8e0c-6a4d-4c1e-9b7a-2d5f1e8c4a90";
        }
        if ("date-time".equals(format)) {
            return "2026-03-04T15:00:00Z";
        }
        if ("date".equals(format)) {
            return "2026-03-04";
        }
        if ("uri".equals(format) || "uri-reference".equals(format)) {
            return "/api/contacts/3f2b8e0c-6a4d-4c1e-9b7a-2d5f1e8c4a90";
        }
        if ("email".equals(format)) {
            return "ada@example.org";
        }
        String text = "text";
        int minimum = schema.getMinLength() == null ? 0 : schema.getMinLength();
        return minimum > text.length() ? text.repeat(minimum / text.length() + 1) : text;
    }
}
