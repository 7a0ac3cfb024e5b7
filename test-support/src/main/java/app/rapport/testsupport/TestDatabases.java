package app.rapport.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;

/**
 * Hands out fresh, empty databases. All of them live on one PostgreSQL server per test JVM: the
 * embedded one, started on first use, or the server named by {@code RAPPORT_TEST_DATABASE_URL}
 * (with {@code RAPPORT_TEST_DATABASE_USER} and {@code RAPPORT_TEST_DATABASE_PASSWORD}).
 */
public final class TestDatabases {

    public static final String EXTERNAL_URL_VARIABLE = "RAPPORT_TEST_DATABASE_URL";
    private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(.*)$");
    private static final AtomicInteger counter = new AtomicInteger();
    private static TestDatabase server;

    private TestDatabases() {
    }

    /** A database created just now, with a name no other test in this JVM run uses. */
    public static TestDatabase create() {
        TestDatabase admin = server();
        String name = "rapport_test_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(admin.url(), admin.username(), admin.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + admin.url(), e);
        }
        return new TestDatabase(withDatabase(admin.url(), name), admin.username(), admin.password());
    }

    private static synchronized TestDatabase server() {
        if (server == null) {
            String external = System.getenv(EXTERNAL_URL_VARIABLE);
            server = external == null || external.isBlank() ? startEmbedded()
                    : new TestDatabase(external, env("RAPPORT_TEST_DATABASE_USER", "postgres"),
                            env("RAPPORT_TEST_DATABASE_PASSWORD", ""));
        }
        return server;
    }

    private static TestDatabase startEmbedded() {
        try {
            // Stopped by Spring Boot's shutdown handlers, which run after it has closed every
            // context: with a JVM shutdown hook (zonky's own by default) the server stopped while the
            // cached test contexts were still stopping, and their processors retried against it
            // until Axon's shutdown timeouts ran out (the JVM took over 30 s to exit)
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temporary data directory goes with it
                }
            });
            return new TestDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL for tests", e);
        }
    }

    static String withDatabase(String url, String database) {
        Matcher matcher = DATABASE_IN_URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL with a database: " + url);
        }
        return matcher.group(1) + database + matcher.group(3);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
