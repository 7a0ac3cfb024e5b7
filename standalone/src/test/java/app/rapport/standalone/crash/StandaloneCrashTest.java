package app.rapport.standalone.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import app.rapport.standalone.StandaloneApplication;
import app.rapport.testsupport.TestUsers;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone app as a person runs it, on its own durable embedded PostgreSQL, in a JVM of its
 * own. Killed with SIGKILL under a write load, it leaves its postmaster running; the next start
 * stops that orphan and is healthy on the first try, with every command answered 2xx stored and
 * nothing refused stored. While it runs, a second app on the same directory stops at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandaloneCrashTest {

    private static final Logger log = LoggerFactory.getLogger(StandaloneCrashTest.class);
    private static final int USERS = 4;
    private static final int LIFECYCLES_PER_USER = 8;
    private static final Path LOGS = Path.of("target", "standalone-crash-test");

    @TempDir
    static Path dataDir;
    private Path appLog;
    private AppProcess app;

    @BeforeAll
    void startTheApp() throws Exception {
        appLog = LOGS.resolve("standalone-" + System.nanoTime() + ".log");
        app = AppProcess.of(StandaloneApplication.class, appLog, List.of("--rapport.data-dir=" + dataDir));
        app.start();
    }

    @AfterAll
    void stopTheApp() throws InterruptedException {
        app.stop();
    }

    @Test
    void killedUnderLoad_startsAgainOnTheFirstTry_withEveryAnsweredCommandStoredAndNothingRefused() throws Exception {
        Workload workload = new Workload(app::uri, TestUsers.ALICE, TestUsers.passwordOf(TestUsers.ALICE));
        ExecutorService users = Executors.newFixedThreadPool(USERS);
        for (int i = 0; i < USERS; i++) {
            users.submit(() -> workload.user(LIFECYCLES_PER_USER));
        }
        users.shutdown();
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> workload.answered.get() >= 80);
        app.kill();
        log.info("Killed the standalone app with SIGKILL after {} answered commands", workload.answered.get());

        app.start();
        assertThat(Files.readString(appLog, StandardCharsets.UTF_8))
                .as("the orphaned postmaster was recognised and stopped").contains("left running by an earlier Rapport");
        boolean finished = users.awaitTermination(180, TimeUnit.SECONDS);
        workload.stop();
        assertThat(finished).as("the workload finished").isTrue();

        List<Workload.Sent> sent = new ArrayList<>(workload.sent);
        assertThat(sent).extracting(Workload.Sent::status).allSatisfy(status -> assertThat(status).isIn(0, 200, 201, 409));
        try (Connection db = connectToTheEmbeddedServer()) {
            long stored = StoredOutcomes.assertKept(db, sent);
            log.info("After the crash the store holds {} events; all {} answered commands are there, {} refused left "
                    + "nothing", stored, StoredOutcomes.answered(sent), StoredOutcomes.refused(sent));
            assertThat(StoredOutcomes.answered(sent)).isGreaterThan(80);
        }
    }

    @Test
    void aSecondAppOnTheSameDirectory_stopsAtOnce_naming_theDirectoryAndTheAppThatHasIt() throws Exception {
        Path secondLog = LOGS.resolve("second-" + System.nanoTime() + ".log");
        AppProcess second = AppProcess.of(StandaloneApplication.class, secondLog, List.of("--rapport.data-dir=" + dataDir));

        int exit = second.runToExit(Duration.ofSeconds(60));

        assertThat(exit).isEqualTo(2);
        StartRefusal.assertOneLine(secondLog, "The data directory " + dataDir.toAbsolutePath().normalize()
                + " is in use by another Rapport (pid " + app.pid() + ")");
    }

    private Connection connectToTheEmbeddedServer() throws Exception {
        List<String> pidFile = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        String password = Files.readString(dataDir.resolve("postgres.password"), StandardCharsets.UTF_8).trim();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pidFile.get(3).trim() + "/rapport",
                "postgres", password);
    }
}
