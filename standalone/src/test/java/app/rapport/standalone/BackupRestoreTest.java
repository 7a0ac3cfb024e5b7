package app.rapport.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A backup written while the standalone app runs, restored by starting an app on a copy of it in
 * an empty data directory, holds the same event store, read models and tokens, row for row, as
 * the instance had when the backup was written, and nothing written after it.
 */
class BackupRestoreTest {

    private static final Logger log = LoggerFactory.getLogger(BackupRestoreTest.class);
    private static final Pattern POSITION = Pattern.compile("\"position\":(\\d+)");
    private static final Pattern DIRECTORY = Pattern.compile("\"directory\":\"([^\"]+)\"");
    /**
     * Not data: which instance claims a segment, and when it last said so; how far the start-up
     * encryption of plain-text events has looked, which every start moves to the head (the events
     * written since were encrypted as they were written).
     */
    private static final Set<String> CLAIM_COLUMNS = Set.of("token_entry.owner", "token_entry.time_stamp",
            "plaintext_encryption.encrypted_through", "plaintext_encryption.updated_at");

    @TempDir
    Path original;
    @TempDir
    Path restored;

    @Test
    void aBackupWrittenWhileTheAppRuns_restoresTheSameJournalRowForRow() throws Exception {
        TreeMap<String, List<String>> atBackup;
        Path backup;
        UUID writtenAfter = UUID.randomUUID();
        try (ConfigurableApplicationContext app = start(original)) {
            URI base = baseOf(app);
            long head = 0;
            for (int i = 0; i < 4; i++) {
                UUID contact = UUID.randomUUID();
                head = positionOf(HttpAnswer.send(base, "POST", "/api/contacts",
                        "{\"contactId\":\"%s\",\"name\":\"Backed up %d\",\"source\":\"COLD\"}".formatted(contact, i)));
                head = positionOf(HttpAnswer.send(base, "POST", "/api/contacts/" + contact + "/interviews",
                        "{\"interviewId\":\"%s\",\"channel\":\"EMAIL\",\"durationMinutes\":30,\"purpose\":\"archives\"}"
                                .formatted(UUID.randomUUID())));
            }
            for (String read : List.of("/api/contacts", "/api/follow-ups/overdue", "/api/audit",
                    "/api/analytics/outreach?groupBy=channel")) {
                String separator = read.contains("?") ? "&" : "?";
                assertThat(HttpAnswer.send(base, "GET", read + separator + "consistentWith=" + head, null).status()).isEqualTo(200);
            }

            HttpAnswer written = HttpAnswer.send(base, "POST", "/api/admin/backup", null);
            log.info("Backup answered {} {}", written.status(), written.body());
            assertThat(written.status()).isEqualTo(201);
            atBackup = dump(app.getBean(DataSource.class));
            Matcher directory = DIRECTORY.matcher(written.body());
            assertThat(directory.find()).isTrue();
            backup = Path.of(directory.group(1));
            assertThat(backup).startsWith(original.resolve("backups"));

            assertThat(HttpAnswer.send(base, "POST", "/api/contacts",
                    "{\"contactId\":\"%s\",\"name\":\"After\",\"source\":\"COLD\"}".formatted(writtenAfter)).status())
                    .isEqualTo(201);
        }

        copy(backup, restored);
        try (ConfigurableApplicationContext app = start(restored)) {
            TreeMap<String, List<String>> afterRestore = dump(app.getBean(DataSource.class));
            log.info("Restored {} rows in {} tables", afterRestore.values().stream().mapToInt(List::size).sum(),
                    afterRestore.size());
            assertThat(afterRestore.get("domain_event_entry")).hasSize(8);
            assertThat(afterRestore.keySet()).containsExactlyElementsOf(atBackup.keySet());
            for (String table : atBackup.keySet()) {
                assertThat(afterRestore.get(table)).as("rows of %s", table).isEqualTo(atBackup.get(table));
            }
            assertThat(HttpAnswer.send(baseOf(app), "GET", "/api/contacts/" + writtenAfter, null).status()).isEqualTo(404);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(StandaloneApplication.class).run("--rapport.test-database=off",
                "--rapport.data-dir=" + dataDir, "--server.port=0", "--rapport.users[0].username=demo",
                "--rapport.users[0].password={noop}demo", "--rapport.users[0].admin=true");
    }

    /** Every row of every table, as text, sorted, so two databases compare whatever the physical order. */
    private static TreeMap<String, List<String>> dump(DataSource dataSource) throws SQLException {
        TreeMap<String, List<String>> tables = new TreeMap<>();
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet found = sql.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
                while (found.next()) {
                    names.add(found.getString(1));
                }
            }
            for (String table : names) {
                List<String> rows = new ArrayList<>();
                try (ResultSet row = sql.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData columns = row.getMetaData();
                    while (row.next()) {
                        StringBuilder text = new StringBuilder();
                        for (int c = 1; c <= columns.getColumnCount(); c++) {
                            if (!CLAIM_COLUMNS.contains(table + "." + columns.getColumnName(c))) {
                                text.append(columns.getColumnName(c)).append('=').append(row.getString(c)).append(' ');
                            }
                        }
                        rows.add(text.toString());
                    }
                }
                rows.sort(null);
                tables.put(table, rows);
            }
        }
        return tables;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static URI baseOf(ConfigurableApplicationContext app) {
        return URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort());
    }

    private static long positionOf(HttpAnswer answer) {
        Matcher position = POSITION.matcher(answer.body());
        assertThat(position.find()).as("%s", answer).isTrue();
        return Long.parseLong(position.group(1));
    }
}
