package app.rapport.standalone.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import app.rapport.standalone.StandaloneApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL is started on a thread of its own while the context is built. A start
 * that fails before the context took the server must not leave it running: its postmaster is a
 * process of its own and would outlive the JVM, holding the directory.
 */
class StartAheadTest {

    private static final Path LOGS = Path.of("target", "start-ahead");

    @TempDir
    Path dataDir;

    @Test
    void aStartFailingAfterTheServerWasStartedAhead_stopsIt_andTheNextStartTakesTheDirectory() throws Exception {
        // Spring binds this after the environment is prepared, when the server is already starting,
        // and fails before any bean is made
        AppProcess failing = AppProcess.of(StandaloneApplication.class, LOGS.resolve("failing-" + System.nanoTime() + ".log"),
                List.of("--rapport.data-dir=" + dataDir, "--spring.main.web-application-type=no-such-type"));

        assertThat(failing.runToExit(Duration.ofSeconds(90))).isNotZero();
        Path server = dataDir.resolve("postgres");
        assertThat(server.resolve("PG_VERSION")).as("the server was made ahead of the context").exists();
        assertThat(server.resolve("postmaster.pid")).as("and stopped when the start failed").doesNotExist();
        assertThat(postmastersOf(server)).isEmpty();

        AppProcess next = AppProcess.of(StandaloneApplication.class, LOGS.resolve("next-" + System.nanoTime() + ".log"),
                List.of("--rapport.data-dir=" + dataDir));
        try {
            next.start();
            assertThat(Files.readString(next.logFile())).doesNotContain("left running by an earlier Rapport");
        } finally {
            next.stop();
        }
    }

    private static List<ProcessHandle> postmastersOf(Path server) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(server.toString())).orElse(false))
                .toList();
    }
}
