package app.rapport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.SerializationFeature;

/** The figures as one table (with the targets set for each) and as one flat JSON object. */
final class Report {

    /** Target per key: {@code >=x} or {@code <=x}. */
    static final Map<String, String> TARGETS = new LinkedHashMap<>();

    static {
        TARGETS.put("write_ratio", ">=0.5");
        TARGETS.put("replay_events_per_s", ">=20000");
        TARGETS.put("replay_ratio", ">=0.3");
        // a replay nobody sees: no query fails and none misses what the journal had before it
        TARGETS.put("replay_query_errors", "<=0");
        TARGETS.put("replay_incomplete_answers", "<=0");
        // performance round 2: writes near the HTTP floor, lag and cold start halved, queries near the floor
        TARGETS.put("write_vs_http_floor", ">=0.6");
        TARGETS.put("lag_p99_ms", "<=100");
        TARGETS.put("queries_p99_over_floor_ms", "<=3");
        TARGETS.put("timeline_p99_ms", "<=5");
        TARGETS.put("contacts_p99_ms", "<=20");
        TARGETS.put("overdue_p99_ms", "<=20");
        TARGETS.put("analytics_p99_ms", "<=50");
        TARGETS.put("asof_p99_ms", "<=50");
        TARGETS.put("pages_p99_ms", "<=50");
        // 10 000 LinkedIn connections in under 10 s, end to end over HTTP
        TARGETS.put("import_rows_per_s", ">=1000");
        TARGETS.put("cold_start_s", "<=4");
        // encrypting personal data at rest may cost the write path at most a tenth of its commands/s
        TARGETS.put("encryption_write_cost", "<=0.1");
    }

    private Report() {
    }

    static void print(Map<String, Object> figures, Consumer<String> out) {
        out.accept("");
        out.accept(String.format("%-30s %18s  %-9s %s", "figure", "value", "target", ""));
        out.accept("-".repeat(66));
        for (Map.Entry<String, Object> figure : figures.entrySet()) {
            String target = TARGETS.getOrDefault(figure.getKey(), "");
            String verdict = target.isEmpty() ? "" : met(target, figure.getValue()) ? "met" : "NOT met";
            out.accept(String.format("%-30s %18s  %-9s %s", figure.getKey(), format(figure.getValue()), target, verdict));
        }
    }

    static boolean met(String target, Object value) {
        if (!(value instanceof Number number) || Double.isNaN(number.doubleValue())) {
            return false;
        }
        double limit = Double.parseDouble(target.substring(2));
        return target.startsWith(">=") ? number.doubleValue() >= limit : number.doubleValue() <= limit;
    }

    private static String format(Object value) {
        if (value instanceof Double d) {
            return Math.abs(d) >= 1000 ? String.format("%,.0f", d) : String.valueOf(d);
        }
        if (value instanceof Long || value instanceof Integer) {
            return String.format("%,d", ((Number) value).longValue());
        }
        return String.valueOf(value);
    }

    static void writeJson(Map<String, Object> figures, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, StoredEvents.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(figures) + "\n");
    }
}
