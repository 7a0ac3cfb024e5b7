package app.rapport.standalone.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import app.rapport.platform.openapi.ApiTags;
import app.rapport.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import app.rapport.standalone.StandaloneProperties;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A consistent backup of the whole standalone instance while it runs: the event store, the read
 * models and their tokens as of one moment, plus the server's password, laid out as a data
 * directory of its own. Restoring is starting Rapport on a copy of it. Admin users only, like all
 * of {@code /api/admin/**}.
 */
@Tag(name = ApiTags.ADMINISTRATION)
@RestController
@Conditional(NoDatasourceUrl.class)
class BackupController {

    /** Where the backup is, how large, when it was complete and how long it took. */
    record Backup(String directory, long bytes, String size, Instant completedAt, Duration took) {
    }

    private static final Logger log = LoggerFactory.getLogger(BackupController.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'rapport-'yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final EmbeddedPostgresServer postgres;
    private final Path backups;
    private final Clock clock;
    private final ReentrantLock oneAtATime = new ReentrantLock();

    BackupController(EmbeddedPostgresServer postgres, StandaloneProperties properties, Clock clock) {
        this.postgres = postgres;
        this.backups = properties.backupDir().toAbsolutePath().normalize();
        this.clock = clock;
    }

    @Operation(operationId = "backUp", summary = "Write a backup of the standalone instance while it runs",
            description = "The standalone app on its embedded PostgreSQL only: writes the event store, the read "
                    + "models and their tokens as of one moment, with the server's password, as a data directory "
                    + "under the backup directory; restoring is starting Rapport on a copy of it. One backup at a "
                    + "time (409 while another is written). Administrators only.")
    @ApiResponse(responseCode = "201", description = "Where the backup is, how large, and how long it took.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Backup.class)))
    @PostMapping("/api/admin/backup")
    ResponseEntity<?> backUp() throws IOException {
        if (!oneAtATime.tryLock()) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.problem(HttpStatus.CONFLICT,
                    "backup-in-progress", "A backup is being written",
                    "Another backup is being written now; ask again when it has finished."));
        }
        try {
            Instant started = clock.instant();
            Path target = backups.resolve(NAME.format(started.truncatedTo(ChronoUnit.SECONDS)));
            for (int n = 2; Files.exists(target); n++) {
                target = backups.resolve(NAME.format(started.truncatedTo(ChronoUnit.SECONDS)) + "-" + n);
            }
            log.info("Writing a backup into {}", target);
            try {
                postgres.backUpInto(target);
            } catch (IOException | RuntimeException failed) {
                deleteRecursively(target);
                throw failed;
            }
            Duration took = Duration.between(started, clock.instant()).truncatedTo(ChronoUnit.MILLIS);
            long bytes = sizeOf(target);
            log.info("Backup written into {}: {} in {} ms", target, readableSize(bytes), took.toMillis());
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(new Backup(target.toString(), bytes, readableSize(bytes), clock.instant(), took));
        } finally {
            oneAtATime.unlock();
        }
    }

    private static long sizeOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    /** A half-written backup must not be mistaken for one. */
    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    static String readableSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
