package app.rapport.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * {@code bench/run [--quick] [--scale N] [--clients K]}: starts the standalone jar (on its
 * embedded PostgreSQL, or on a fresh database of the server named by
 * {@code RAPPORT_BENCH_DATABASE_URL}), runs every step, prints the table and writes
 * {@code bench/results/<timestamp>.json}.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        double scale = 1;
        int clients = 4;
        Path jar = Path.of("standalone/target/standalone-0.1.0-SNAPSHOT-exec.jar");
        Path results = Path.of("bench/results");
        Path work = Path.of("bench/target/runs");
        List<String> jvmOptions = new ArrayList<>();
        Duration writeDuration = null;
        Duration queryDuration = null;
        boolean fastDisk = false;
        boolean encryptionCost = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--scale" -> scale = Double.parseDouble(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--standalone-jar" -> jar = Path.of(args[++i]);
                case "--results" -> results = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--jvm-option" -> jvmOptions.add(args[++i]);
                case "--write-seconds" -> writeDuration = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--query-seconds" -> queryDuration = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--fast-disk" -> fastDisk = true;
                case "--no-encryption-cost" -> encryptionCost = false;
                default -> {
                    System.err.println("usage: bench/run [--quick] [--scale N] [--clients K] [--write-seconds S] [--query-seconds S] [--fast-disk] [--no-encryption-cost] [--jvm-option OPT]...");
                    System.exit(2);
                }
            }
        }
        Settings settings = quick ? Settings.quick(scale, clients) : Settings.full(scale, clients);
        if (writeDuration != null) {
            settings = settings.withWriteDuration(writeDuration);
        }
        if (queryDuration != null) {
            settings = settings.withQueryDuration(queryDuration);
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path runDirectory = work.resolve(stamp);
        Files.createDirectories(runDirectory);
        long started = System.nanoTime();
        Consumer<String> out = line -> System.out.printf("[%6.1f s] %s%n", (System.nanoTime() - started) / 1e9, line);
        out.accept("Rapport benchmark, " + settings.name() + ", " + Instant.now() + "; app log in " + runDirectory.resolve("app.log"));

        Users users = new Users(settings, new Random(42));
        Map<String, Object> figures;
        try (FastDisk fast = fastDisk ? FastDisk.start(out) : null) {
            Database external = fast != null ? fast.database() : externalDatabase(stamp, out);
            out.accept("Starting the standalone app" + (external == null ? " on its embedded PostgreSQL" : " on " + external.url()));
            try (StandaloneProcess app = new StandaloneProcess(jar, runDirectory, users.properties(), external, jvmOptions)) {
                figures = new Benchmark(app, settings, users, out).run();
                figures.put("cold_start_includes_embedded_postgres", external == null);
                figures.put("fast_disk", fastDisk);
                figures.put("encryption_cost_measured", encryptionCost);
                if (encryptionCost) {
                    figures.putAll(encryptionCost(jar, app, runDirectory, users, settings, external, jvmOptions, out));
                } else {
                    out.accept("Encryption cost not measured (--no-encryption-cost)");
                }
            }
        }
        Report.print(figures, System.out::println);
        Path file = results.resolve(stamp + ".json");
        Report.writeJson(figures, file);
        out.accept("Figures written to " + file);
    }

    /**
     * A second app with encryption off beside {@code app}, each given the same bulk load, write
     * slices and replays in turn. It loads and replays the store five more times, which at
     * {@code --scale 10} is hours: hence {@code --no-encryption-cost}.
     */
    private static Map<String, Object> encryptionCost(Path jar, StandaloneProcess app, Path runDirectory, Users users,
                                                      Settings settings, Database external, List<String> jvmOptions,
                                                      Consumer<String> out) throws Exception {
        Path plainDirectory = Files.createDirectories(runDirectory.resolve("plain"));
        out.accept("Starting a second app with rapport.privacy.encrypt=false; its log in " + plainDirectory.resolve("app.log"));
        try (StandaloneProcess plain = new StandaloneProcess(jar, plainDirectory,
                EncryptionCost.plainProperties(users.properties()),
                external == null ? null : external.freshBeside(external.name() + "_plain"), jvmOptions)) {
            return new EncryptionCost(settings, users, out).run(app, plain);
        }
    }

    /** A fresh database on the server named by {@code RAPPORT_BENCH_DATABASE_URL}, or null for the embedded one. */
    private static Database externalDatabase(String stamp, Consumer<String> out) throws Exception {
        String url = System.getenv("RAPPORT_BENCH_DATABASE_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        String user = envOr("RAPPORT_BENCH_DATABASE_USER", "postgres");
        String password = envOr("RAPPORT_BENCH_DATABASE_PASSWORD", "");
        String name = "rapport_bench_" + stamp.replace('-', '_');
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        out.accept("Created database " + name + " on " + url);
        return new Database(url.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name), user, password);
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
