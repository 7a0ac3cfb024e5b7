package app.rapport.standalone.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import app.rapport.command.CommandSideApplication;
import app.rapport.query.QuerySideApplication;
import app.rapport.testsupport.TestDatabase;
import app.rapport.testsupport.TestDatabases;
import app.rapport.testsupport.TestUsers;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The split deployment as separate JVMs on one PostgreSQL, killed with SIGKILL under load. Every
 * command answered 2xx has its event in the store, no refused command left one, and once the
 * query side has caught up every read model equals a fresh rebuild of it.
 */
class CrashRecoveryTest {

    private static final Logger log = LoggerFactory.getLogger(CrashRecoveryTest.class);
    private static final int USERS = 4;
    /** Nine commands each: about 430 commands in all, the kill landing after the first 120 answers. */
    private static final int LIFECYCLES_PER_USER = 12;

    private final Path logs = Path.of("target", "crash-test");
    private TestDatabase database;
    private AppProcess command;
    private AppProcess query;

    @BeforeEach
    void startTheSplitDeployment() throws IOException {
        database = TestDatabases.create();
        command = AppProcess.start(CommandSideApplication.class, database, logs);
        query = AppProcess.start(QuerySideApplication.class, database, logs);
    }

    @AfterEach
    void stopIt() throws InterruptedException {
        if (command != null) {
            command.stop();
        }
        if (query != null) {
            query.stop();
        }
    }

    @Test
    void killingTheCommandSideLosesNoAnsweredCommand() throws Exception {
        runWorkloadKilling(command, "command side");
        verify();
    }

    @Test
    void killingTheQuerySideLeavesReadModelsEqualToARebuild() throws Exception {
        runWorkloadKilling(query, "query side");
        verify();
    }

    private void runWorkloadKilling(AppProcess victim, String name) throws Exception {
        Workload workload = new Workload(command::uri, TestUsers.ALICE, TestUsers.passwordOf(TestUsers.ALICE));
        ExecutorService users = Executors.newFixedThreadPool(USERS);
        for (int i = 0; i < USERS; i++) {
            users.submit(() -> workload.user(LIFECYCLES_PER_USER));
        }
        users.shutdown();
        await(Duration.ofSeconds(120), () -> workload.answered.get() >= 120);
        int before = workload.answered.get();
        victim.kill();
        log.info("Killed the {} with SIGKILL after {} answered commands", name, before);
        victim.start();
        log.info("Restarted the {}; {} commands answered so far", name, workload.answered.get());
        boolean finished = users.awaitTermination(180, TimeUnit.SECONDS);
        workload.stop();
        assertThat(finished).as("the workload finished").isTrue();

        List<Workload.Sent> sent = new ArrayList<>(workload.sent);
        Map<Integer, Long> byStatus = sent.stream().collect(Collectors.groupingBy(Workload.Sent::status,
                java.util.TreeMap::new, Collectors.counting()));
        log.info("Drove {} commands from {} users; answers by status (0 = none arrived): {}", sent.size(), USERS,
                byStatus);
        assertThat(byStatus.keySet()).allSatisfy(status -> assertThat(status).isIn(0, 200, 201, 409));
        this.sent = sent;
    }

    private List<Workload.Sent> sent;

    private void verify() throws Exception {
        try (Connection db = DriverManager.getConnection(database.url(), database.username(), database.password())) {
            long stored = StoredOutcomes.assertKept(db, sent);
            log.info("Store holds {} events; all {} answered commands found at their positions; "
                    + "{} refused commands left no event", stored, StoredOutcomes.answered(sent),
                    StoredOutcomes.refused(sent));
            UUID anyContact = sent.stream().filter(s -> s.status() == 201 && s.step().equals("add"))
                    .map(Workload.Sent::contactId).findFirst().orElseThrow();
            ReadModels.assertEqualToARebuild(db, query::uri, anyContact);
        }
    }

    private static void await(Duration atMost, BooleanSupplier condition) {
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
    }
}
