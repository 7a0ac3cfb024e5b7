package app.rapport.command.reliability;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.lang.Nullable;

/**
 * JSON bodies for a request record, derived from its components and their validation annotations:
 * a baseline that passes validation (the required fields, each with an acceptable value), and for
 * each field the values that must be refused, so a new field or request type is covered as well.
 */
final class Bodies {

    /** Deeper than Jackson's default limit of 1000 nested arrays or objects. */
    static final int DEEP = 2000;
    /** Longer than Jackson's default limit of 1000 digits in one number. */
    static final String LONG_NUMBER = "9".repeat(2000);

    private Bodies() {
    }

    /** One hostile request body and why it must be refused. */
    record Hostile(String why, byte[] json) {

        static Hostile of(String why, String json) {
            return new Hostile(why, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The required fields of {@code type} with acceptable values, as raw JSON per field. */
    static Map<String, String> baseline(Class<?> type) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (isRequired(component)) {
                fields.put(component.getName(), acceptable(component));
            }
        }
        return fields;
    }

    static String json(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> "\"" + field.getKey() + "\":" + field.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** Bodies that are not a JSON object of this type at all, whatever the endpoint. */
    static List<Hostile> shapes(Class<?> type, boolean bodyRequired) {
        String valid = json(baseline(type));
        String inner = valid.equals("{}") ? "" : valid.substring(1, valid.length() - 1) + ",";
        List<Hostile> shapes = new ArrayList<>(List.of(
                Hostile.of("a JSON array instead of an object", "[" + valid + "]"),
                Hostile.of("an empty array", "[]"),
                Hostile.of("a string", "\"hello\""),
                Hostile.of("a number", "42"),
                Hostile.of("a huge number", "1e400"),
                Hostile.of("a boolean", "true"),
                Hostile.of("truncated JSON", valid.substring(0, valid.length() - 1)),
                Hostile.of("an unclosed string", "{\"x\":\"never ends"),
                Hostile.of("single quotes", "{'x':'y'}"),
                Hostile.of("a comment", "/* hi */" + valid),
                Hostile.of("a trailing comma", inner.isEmpty() ? "{,}" : "{" + inner + "}"),
                Hostile.of("garbage after the object", valid + "]]"),
                Hostile.of("two objects", valid + valid),
                Hostile.of("NaN", "{" + inner + "\"x\":NaN}"),
                Hostile.of(DEEP + " nested arrays", "[".repeat(DEEP) + "]".repeat(DEEP)),
                Hostile.of(DEEP + " nested objects", "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP)),
                Hostile.of(DEEP + " nested arrays in an unknown field",
                        "{" + inner + "\"x\":" + "[".repeat(DEEP) + "]".repeat(DEEP) + "}"),
                Hostile.of("a 2000-digit number in an unknown field", "{" + inner + "\"x\":" + LONG_NUMBER + "}"),
                Hostile.of("a raw control character", "{" + inner + "\"x\":\"a\u0001b\"}"),
                new Hostile("invalid UTF-8", concat("{" + inner + "\"x\":\"", new byte[] {(byte) 0xC3, 0x28}, "\"}"))));
        if (bodyRequired) {
            shapes.add(Hostile.of("an empty body", ""));
            shapes.add(Hostile.of("null", "null"));
            shapes.add(Hostile.of("whitespace only", "  \n "));
        }
        return shapes;
    }

    /** For each field, bodies that differ from the baseline only in that field, and must be refused. */
    static List<Hostile> fields(Class<?> type) {
        Map<String, String> baseline = baseline(type);
        List<Hostile> hostile = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String name = component.getName();
            for (Map.Entry<String, String> value : refusedValues(component).entrySet()) {
                Map<String, String> fields = new LinkedHashMap<>(baseline);
                fields.put(name, value.getValue());
                hostile.add(Hostile.of(name + ": " + value.getKey(), json(fields)));
            }
            if (isRequired(component)) {
                Map<String, String> missing = new LinkedHashMap<>(baseline);
                missing.remove(name);
                hostile.add(Hostile.of(name + ": missing", json(missing)));
            }
        }
        return hostile;
    }

    private static Map<String, String> refusedValues(RecordComponent component) {
        Class<?> type = component.getType();
        Map<String, String> refused = new LinkedHashMap<>();
        if (isRequired(component)) {
            refused.put("null", "null");
        }
        if (type == String.class) {
            refused.put("an object", "{}");
            refused.put("an array", "[\"x\"]");
            refused.put("a NUL character", "\"a\\u0000b\"");
            refused.put("a control character", "\"a\\u001bb\"");
            refused.put("a lone surrogate", "\"a\\ud800b\"");
            Size size = annotation(component, Size.class);
            if (size != null && size.max() < 60_000) {
                refused.put((size.max() + 1) + " characters", quote("x".repeat(size.max() + 1)));
            }
            if (annotation(component, NotBlank.class) != null) {
                refused.put("blank", "\"  \\t \"");
            }
            if (annotation(component, Email.class) != null) {
                refused.put("not an email address", "\"not an email\"");
            }
        } else if (type == UUID.class) {
            refused.put("not a UUID", "\"not-a-uuid\"");
            refused.put("a UUID with a bad digit", "\"00000000-0000-0000-0000-00000000000g\"");
            refused.put("a UUID too long", "\"123e4567-e89b-12d3-a456-4266141740001\"");
            refused.put("a number", "42");
            refused.put("an object", "{}");
        } else if (type == Integer.class || type == int.class) {
            refused.put("a word", "\"many\"");
            refused.put("1e400", "1e400");
            refused.put("99999999999999999999", "99999999999999999999");
            refused.put("2^31", "2147483648");
            refused.put("a 2000-digit number", LONG_NUMBER);
            refused.put("a boolean", "true");
            refused.put("an array", "[1]");
            Min min = annotation(component, Min.class);
            if (min != null) {
                refused.put("below " + min.value(), String.valueOf(min.value() - 1));
            }
            Max max = annotation(component, Max.class);
            if (max != null) {
                refused.put("above " + max.value(), String.valueOf(max.value() + 1));
            }
        } else if (type == Boolean.class || type == boolean.class) {
            refused.put("a word", "\"perhaps\"");
            refused.put("an object", "{}");
            refused.put("an array", "[true]");
        } else if (type == Instant.class) {
            refused.put("a word", "\"yesterday\"");
            refused.put("an impossible date", "\"2026-13-45T99:99:99Z\"");
            refused.put("a date without a time", "\"2026-03-04\"");
            refused.put("a year past Instant.MAX", "\"+1000000001-01-01T00:00:00Z\"");
            refused.put("1e400", "1e400");
            refused.put("1e1000000000", "1e1000000000");
            refused.put("-1e1000000000", "-1e1000000000");
            refused.put("99999999999999999999", "99999999999999999999");
            refused.put("a 2000-digit number", LONG_NUMBER);
            refused.put("a boolean", "true");
            refused.put("an object", "{}");
        } else if (type.isEnum()) {
            refused.put("an unknown value", "\"MAGIC\"");
            refused.put("lower case", quote(((Enum<?>) type.getEnumConstants()[0]).name().toLowerCase()));
            refused.put("an index out of range", "999");
            refused.put("an object", "{}");
            refused.put("an array", "[]");
        } else if (Collection.class.isAssignableFrom(type)) {
            refused.put("an object", "{}");
            refused.put("a single string", "\"x\"");
            refused.put("a list of objects", "[{}]");
            refused.put("a list holding null", "[null]");
            refused.put(DEEP + " nested arrays", "[".repeat(DEEP) + "]".repeat(DEEP));
            Size size = annotation(component, Size.class);
            if (size != null && size.min() > 0) {
                refused.put("an empty list", "[]");
            }
            if (size != null) {
                refused.put((size.max() + 1) + " elements",
                        java.util.stream.IntStream.rangeClosed(0, size.max()).mapToObj(i -> "\"q" + i + "\"")
                                .collect(Collectors.joining(",", "[", "]")));
            }
            Size elementSize = elementAnnotation(component, Size.class);
            if (elementSize != null) {
                refused.put("an element of " + (elementSize.max() + 1) + " characters",
                        "[" + quote("x".repeat(elementSize.max() + 1)) + "]");
            }
        } else if (type.isRecord()) {
            refused.put("a string", "\"x\"");
            refused.put("an array", "[]");
            RecordComponent first = type.getRecordComponents()[0];
            refused.put(first.getName() + " an object", "{\"" + first.getName() + "\":{}}");
            if (first.getType().isPrimitive()) {
                refused.put(first.getName() + " null", "{\"" + first.getName() + "\":null}");
            }
        }
        return refused;
    }

    private static boolean isRequired(RecordComponent component) {
        return annotation(component, NotNull.class) != null || annotation(component, NotBlank.class) != null
                || annotation(component, NotEmpty.class) != null;
    }

    private static String acceptable(RecordComponent component) {
        if (component.getType() == String.class && component.getName().equals("url")) {
            return "\"https://93.184.216.34/rapport\"";  // a webhook's: public https, an address literal (no DNS)
        }
        Class<?> type = component.getType();
        if (type == String.class) {
            return annotation(component, Email.class) != null ? "\"someone@example.org\"" : "\"x\"";
        }
        if (type == UUID.class) {
            return quote(UUID.randomUUID().toString());
        }
        if (type == Integer.class || type == int.class) {
            Min min = annotation(component, Min.class);
            return String.valueOf(min != null ? min.value() : 1);
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true";
        }
        if (type == Instant.class) {
            return quote(Journal.EARLIER.toString());
        }
        if (type.isEnum()) {
            return quote(((Enum<?>) type.getEnumConstants()[0]).name());
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "[\"x\"]";
        }
        if (type.isRecord()) {
            return "{}";
        }
        throw new IllegalArgumentException("No acceptable value known for " + component + ": teach Bodies one");
    }

    @Nullable
    static <A extends java.lang.annotation.Annotation> A annotation(RecordComponent component,
                                                                         Class<A> annotation) {
        try {
            Field field = component.getDeclaringRecord().getDeclaredField(component.getName());
            return field.getAnnotation(annotation);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nullable
    static <A extends java.lang.annotation.Annotation> A elementAnnotation(RecordComponent component,
                                                                                Class<A> annotation) {
        AnnotatedType type = component.getAnnotatedType();
        if (type instanceof AnnotatedParameterizedType parameterized) {
            return parameterized.getAnnotatedActualTypeArguments()[0].getAnnotation(annotation);
        }
        return null;
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        byte[] head = before.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = after.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + middle.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(middle, 0, all, head.length, middle.length);
        System.arraycopy(tail, 0, all, head.length + middle.length, tail.length);
        return all;
    }
}
