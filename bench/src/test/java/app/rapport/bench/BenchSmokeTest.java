package app.rapport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import app.rapport.testsupport.TestDatabase;
import app.rapport.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Every step of the benchmark at toy scale, against both sides started in this JVM on a test
 * database, so {@code bench/run} keeps working. No figure is asserted: only that each was measured.
 */
class BenchSmokeTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ConfigurationPropertiesScan(basePackages = {"app.rapport.command", "app.rapport.query"})
    @ComponentScan(basePackages = {"app.rapport.command", "app.rapport.query"},
            excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class))
    static class BothSides {
    }

    @Test
    void everyStepRunsAndReportsItsFigures(@TempDir Path results) throws Exception {
        Settings settings = Settings.toy();
        Users users = new Users(settings, new Random(1));
        TestDatabase database = TestDatabases.create();
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--rapport.test-database=off",
                "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(), "--rapport.query.replay-progress-interval=PT1S"));
        users.properties().forEach((key, value) -> args.add("--" + key + "=" + value));
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = SpringApplication.run(BothSides.class, args.toArray(String[]::new))) {
            double startSeconds = (System.nanoTime() - started) / 1e9;
            String baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
            App app = new App() {
                @Override
                public String baseUrl() {
                    return baseUrl;
                }

                @Override
                public Database database() {
                    return new Database(database.url(), database.username(), database.password());
                }

                @Override
                public double coldStartSeconds() {
                    return startSeconds;
                }

                @Override
                public void close() {
                }
            };

            Map<String, Object> figures = new Benchmark(app, settings, users, System.out::println).run();

            assertThat(figures).containsKeys("write_commands_per_s", "raw_single_tx_inserts_per_s", "write_ratio",
                    "write_p99_ms", "lag_p99_ms", "replay_events_per_s", "raw_scan_parse_rows_per_s",
                    "raw_batch_insert_rows_per_s", "replay_ratio", "events_loaded", "timeline_p99_ms",
                    "contacts_p99_ms", "overdue_p99_ms", "analytics_p99_ms", "cold_start_s", "pg_version",
                    "guess_checked_per_s", "guess_refused_per_s", "signed_in_p50_ms_idle", "signed_in_p50_ms_flood",
                    "signed_in_p95_ms_flood", "asof_p50_ms", "asof_p99_ms", "asof_queries_per_s", "first_request_ms",
                    "practice_p99_ms", "referrals_p99_ms", "scheduled_p99_ms", "queries_p99_over_floor_ms",
                    "write_warmup_commands_per_s", "replay_queries", "replay_query_p99_ms", "replay_query_errors",
                    "replay_incomplete_answers");
            assertThat(figures.get("write_errors")).isEqualTo(0L);
            assertThat(figures.get("query_errors")).isEqualTo(0L);
            assertThat(figures.get("signed_in_errors_flood")).isEqualTo(0L);
            assertThat(figures.get("asof_errors")).isEqualTo(0L);
            assertThat((Long) figures.get("events_loaded")).isPositive();
            Report.print(figures, System.out::println);
            Path file = results.resolve("smoke.json");
            Report.writeJson(figures, file);
            assertThat(file).isNotEmptyFile();
        }
    }
}
