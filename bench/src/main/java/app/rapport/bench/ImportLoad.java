package app.rapport.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's LinkedIn connections imported in one request, end to end over HTTP: the file is
 * written as LinkedIn exports it (a byte-order mark, CRLF, the notes preamble, quoted fields with
 * commas, most emails missing, names in several scripts), posted to
 * {@code POST /api/imports?format=linkedin}, and timed until the answer says every row was created;
 * then the same file again, which matches every row and creates nothing. The target is stated for
 * 10 000 connections: five per bulk-loaded owner, so a full run at scale 1 imports 10 000 and
 * {@code --quick} a few hundred.
 */
final class ImportLoad {

    static final int FULL_ROWS = 10_000;
    private static final Pattern COUNT = Pattern.compile("\"(created|unchanged)\"\\s*:\\s*(\\d+)");
    private static final String[] FIRST = {"Ada", "Zoë", "小龙", "Фёдор", "محمد", "José", "Priya", "Kenji"};
    private static final String[] LAST = {"Lovelace", "Ødegård", "李", "Достоевский", "العلي", "García", "Natarajan",
            "Watanabe"};

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Consumer<String> out;

    ImportLoad(String base, Consumer<String> out) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.out = out;
    }

    /** Rows for a run whose data set has this many owners. */
    static int rowsFor(Settings settings) {
        return Math.min(FULL_ROWS, settings.users() * 5);
    }

    /** Figures {@code import_rows}, {@code import_seconds}, {@code import_rows_per_s}, {@code import_again_seconds}. */
    Map<String, Object> run(String user, int rows) throws Exception {
        byte[] file = connections(rows);
        out.accept(String.format("Import: %,d LinkedIn connections (%,d bytes) as %s, then the same file again",
                rows, file.length, user));
        String auth = Users.auth(user);
        long started = System.nanoTime();
        HttpResponse<String> first = post(auth, file);
        double seconds = (System.nanoTime() - started) / 1e9;
        check(first, 201, "created", rows);
        started = System.nanoTime();
        HttpResponse<String> again = post(auth, file);
        double againSeconds = (System.nanoTime() - started) / 1e9;
        check(again, 200, "unchanged", rows);
        out.accept(String.format("  %.2f s (%,.0f rows/s); again, all unchanged: %.2f s", seconds, rows / seconds,
                againSeconds));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("import_rows", rows);
        figures.put("import_seconds", Benchmark.round(seconds, 2));
        figures.put("import_rows_per_s", Benchmark.round(rows / seconds, 1));
        figures.put("import_again_seconds", Benchmark.round(againSeconds, 2));
        return figures;
    }

    private HttpResponse<String> post(String auth, byte[] file) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/imports?format=linkedin"))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", auth)
                .header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void check(HttpResponse<String> answer, int status, String count, int rows) {
        Matcher matcher = COUNT.matcher(answer.body());
        long counted = -1;
        while (matcher.find()) {
            if (matcher.group(1).equals(count)) {
                counted = Long.parseLong(matcher.group(2));
            }
        }
        if (answer.statusCode() != status || counted != rows) {
            throw new IllegalStateException("The import answered " + answer.statusCode() + " " + answer.body());
        }
    }

    /** A Connections.csv of distinct people, unique to this run. */
    static byte[] connections(int rows) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("\uFEFFNotes:\r\n\"When exporting your connection data, you may notice "
                + "that some of the email addresses are missing.\"\r\n\r\n"
                + "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n");
        String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        for (int i = 0; i < rows; i++) {
            String first = FIRST[i % FIRST.length];
            String last = LAST[(i / FIRST.length) % LAST.length];
            csv.append(first).append(',').append(last).append(' ').append(i)
                    .append(",https://www.linkedin.com/in/").append(run).append('-').append(i).append(',')
                    .append(i % 4 == 0 ? "c" + i + "." + run + "@example.org" : "")
                    .append(",\"Company ").append(i % 700).append(", Inc.\",")
                    .append(i % 3 == 0 ? "\"Engineer, Platform\"" : "Analyst").append(',')
                    .append(1 + i % 28).append(' ').append(months[i % 12]).append(' ').append(2015 + i % 10)
                    .append("\r\n");
        }
        csv.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }
}
